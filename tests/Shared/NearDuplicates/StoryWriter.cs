using System.Text;

namespace NewsIngest.Tests.Shared.NearDuplicates;

/// <summary>
/// Writes news-like text from a fixed seed: English function words and a vocabulary of 4,000 generated words drawn
/// with a Zipf distribution (so unrelated stories share common words and short phrases, as real ones do), in sentences
/// of 8–24 words and paragraphs of 2–4 sentences. The same seed gives the same text on every run and machine.
/// </summary>
public sealed class StoryWriter
{
    private static readonly string[] FunctionWords =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "by", "at", "from", "it",
        "said", "has", "have", "be", "are", "its", "an", "this", "will", "which", "after", "but", "not", "who", "were",
        "their", "had", "more", "than", "would", "also", "been", "over", "into", "could", "last", "year", "new", "up",
    ];

    private static readonly string[] Syllables =
    [
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we", "xi", "yo",
        "za", "bro", "cla", "dre", "fli", "gro", "pla", "sta", "tri", "ven", "mar", "ket", "lon", "don", "ber", "sel",
    ];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public StoryWriter(int seed)
    {
        _random = new Random(seed);
        // The vocabulary itself comes from a fixed seed of its own: every writer draws from the same language.
        var words = new HashSet<string>(StringComparer.Ordinal);
        var vocabularyRandom = new Random(20261203);
        while (words.Count < 4000)
        {
            var builder = new StringBuilder();
            var syllables = 2 + vocabularyRandom.Next(3);
            for (var i = 0; i < syllables; i++)
            {
                builder.Append(Syllables[vocabularyRandom.Next(Syllables.Length)]);
            }

            words.Add(builder.ToString());
        }

        _vocabulary = [.. words];
        _cumulative = new double[_vocabulary.Length];
        var total = 0.0;
        for (var i = 0; i < _vocabulary.Length; i++)
        {
            total += 1.0 / (i + 1);
            _cumulative[i] = total;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public Random Random => _random;

    /// <summary>One word: a function word four times in ten, else a Zipf-drawn content word.</summary>
    public string Word()
    {
        if (_random.NextDouble() < 0.4)
        {
            return FunctionWords[_random.Next(FunctionWords.Length)];
        }

        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[Math.Min(index < 0 ? ~index : index, _vocabulary.Length - 1)];
    }

    /// <summary>Paragraphs of about <paramref name="words"/> words in all, each a list of words.</summary>
    public List<List<string>> Story(int words)
    {
        var paragraphs = new List<List<string>>();
        var written = 0;
        while (written < words)
        {
            var paragraph = new List<string>();
            var sentences = 2 + _random.Next(3);
            for (var s = 0; s < sentences && written < words; s++)
            {
                var length = Math.Min(8 + _random.Next(17), words - written);
                for (var w = 0; w < length; w++)
                {
                    paragraph.Add(Word());
                }

                written += length;
                paragraph[^1] += ".";
            }

            paragraphs.Add(paragraph);
        }

        return paragraphs;
    }

    /// <summary>The story as text: sentences capitalized, paragraphs joined by blank lines.</summary>
    public static string Render(IEnumerable<List<string>> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => RenderParagraph(p)));

    private static string RenderParagraph(List<string> words)
    {
        var builder = new StringBuilder();
        var capital = true;
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(capital ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            capital = word.EndsWith('.');
        }

        return builder.ToString();
    }
}
