using AngleSharp.Html.Dom;
using NewsIngest.Extraction.Segmentation;
using NewsIngest.Extraction.StructuredData;
using NewsIngest.Extraction.Templates;

namespace NewsIngest.Extraction.Pipeline;

/// <summary>The state of one extraction as it moves through the stages. One per call; never shared.</summary>
internal sealed class ExtractionContext(PageInput input, ExtractionOptions options, CancellationToken cancellation = default)
{
    /// <summary>Cancelled at the page's deadline or at shutdown; long loops check it through <see cref="Checkpoint"/>.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public PageInput Input { get; } = input;

    public ExtractionOptions Options { get; } = options;

    /// <summary>The parsed document; null for text input.</summary>
    public IHtmlDocument? Document { get; set; }

    public PageFacts Facts { get; } = new();

    /// <summary>The text of every JSON-LD script in the body (head scripts are read by the facts stage).</summary>
    public List<string> JsonLdScripts { get; } = [];

    /// <summary>All blocks in reading order (pages run to hundreds: the list starts there, not at four).</summary>
    public List<Block> Blocks { get; } = new(256);

    /// <summary>Evidence for the paywall verdict, in the order found; duplicates are ignored.</summary>
    public List<string> Signals { get; } = [];

    /// <summary>The first block of the wall, when one was found.</summary>
    public Block? WallStart { get; set; }

    /// <summary>The wall's heading text ("To read the full story").</summary>
    public string? Marker { get; set; }

    /// <summary>The wall's kind: hard, registration, metered, implicit.</summary>
    public string? WallKind { get; set; }

    /// <summary>A visible length declaration ("604 words").</summary>
    public int? DeclaredWords { get; set; }

    /// <summary>Words of article text shipped but hidden from the anonymous reader.</summary>
    public int HiddenWords { get; set; }

    /// <summary>Evidence weights for and against a wall, summed by the verdict stage.</summary>
    public double WallScore { get; set; }

    /// <summary>The verdict, set by the last classification stage.</summary>
    public PaywallStatus Status { get; set; } = PaywallStatus.Unknown;

    /// <summary>The page's block fingerprints for its site's template, when the input carried a model.</summary>
    public PageSample? TemplateSample { get; set; }

    /// <summary>The warm site template that cleaned the preview, if any.</summary>
    public SiteTemplate? TemplateApplied { get; set; }

    public string? Headline { get; set; }
    public string? Dek { get; set; }
    public string? Section { get; set; }

    /// <summary>Throws <see cref="OperationCanceledException"/> once the page's deadline passed or a stop was asked.</summary>
    public void Checkpoint() => Cancellation.ThrowIfCancellationRequested();

    public void AddSignal(string signal, double weight = 0)
    {
        if (!Signals.Contains(signal))
        {
            Signals.Add(signal);
            WallScore += weight;
        }
    }
}
