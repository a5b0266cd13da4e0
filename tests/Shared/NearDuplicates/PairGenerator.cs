namespace NewsIngest.Tests.Shared.NearDuplicates;

/// <summary>
/// The labelled pairs of the near-duplicate evaluation, from a fixed seed. Same story: copies, token edits of
/// 1/5/10/20/40% (substitutions, deletions, insertions at random positions), teasers cut at 20/50/80% of the full
/// text, and one body in two site templates. Different stories: two stories of one site with its boilerplate
/// blocks (marketing, sign-up, footer), two stories of one site that share a background paragraph, and unrelated
/// stories of two sites. Half of the same-story pairs of each kind are on one site, half on two.
/// </summary>
public static class PairGenerator
{
    public static readonly int[] EditPercents = [1, 5, 10, 20, 40];
    public static readonly int[] CutPercents = [20, 50, 80];

    private const int Sites = 8;

    public static List<LabelledPair> Generate(int seed, int pairsPerKind)
    {
        var writer = new StoryWriter(seed);
        var random = writer.Random;
        var templates = Enumerable.Range(0, Sites).Select(_ => Template(writer)).ToArray();
        var pairs = new List<LabelledPair>();
        string Site(int i) => $"site{i}.example";

        for (var n = 0; n < pairsPerKind; n++)
        {
            var (a, b) = TwoSites(random, n % 2 == 0);
            var story = writer.Story(Length(random));
            var text = StoryWriter.Render(story);
            pairs.Add(new("copy", text, Site(a), text, Site(b), true, Relation(a, b, "same-text")));
            foreach (var percent in EditPercents)
            {
                var edited = StoryWriter.Render(Edit(writer, story, percent / 100.0));
                // A light edit of a short text may change nothing: then the same text is the right answer.
                var expected = Relation(a, b, edited == text ? "same-text" : "near-duplicate");
                pairs.Add(new($"edit-{percent}%", text, Site(a), edited, Site(b), true, expected));
            }

            foreach (var percent in CutPercents)
            {
                // The teaser comes first half of the time, the full text the other half.
                var teaser = StoryWriter.Render(Cut(story, percent / 100.0));
                var (earlier, later) = n % 4 < 2 ? (teaser, text) : (text, teaser);
                pairs.Add(new($"teaser-{percent}%", earlier, Site(a), later, Site(b), true, "preview-of"));
            }

            // On one site, a redesign: the same body in the site's old and new standing blocks.
            var swapped = a == b ? templates[(a + 1) % Sites] : templates[b];
            pairs.Add(new("template-swap", Wrap(templates[a], story), Site(a), Wrap(swapped, story), Site(b), true,
                Relation(a, b, "near-duplicate")));

            var site = random.Next(Sites);
            var other = writer.Story(Length(random));
            pairs.Add(new("same-site-boilerplate", Wrap(templates[site], story), Site(site), Wrap(templates[site], other),
                Site(site), false, null));

            var background = writer.Story(30 + random.Next(30));
            var first = writer.Story(Length(random));
            var second = writer.Story(Length(random));
            first.InsertRange(Math.Min(1, first.Count), background);
            second.InsertRange(Math.Min(2, second.Count), background);
            pairs.Add(new("same-site-shared-paragraph", StoryWriter.Render(first), Site(site), StoryWriter.Render(second),
                Site(site), false, null));

            var (c, d) = TwoSites(random, false);
            pairs.Add(new("unrelated", text, Site(c), StoryWriter.Render(other), Site(d), false, null));
        }

        return pairs;
    }

    /// <summary>Full texts of 200–700 words, so a 20% teaser keeps the 40 words a fuzzy match needs.</summary>
    private static int Length(Random random) => 200 + random.Next(501);

    private static (int A, int B) TwoSites(Random random, bool same)
    {
        var a = random.Next(Sites);
        var b = same ? a : (a + 1 + random.Next(Sites - 1)) % Sites;
        return (a, b);
    }

    private static string Relation(int a, int b, string sameSite) => a == b ? sameSite : "syndicated";

    /// <summary>Each word, with probability <paramref name="rate"/>: replaced (60%), dropped (20%) or followed by a new word (20%).</summary>
    private static List<List<string>> Edit(StoryWriter writer, List<List<string>> story, double rate)
    {
        var random = writer.Random;
        var edited = new List<List<string>>();
        foreach (var paragraph in story)
        {
            var copy = new List<string>();
            foreach (var word in paragraph)
            {
                if (random.NextDouble() >= rate)
                {
                    copy.Add(word);
                    continue;
                }

                var roll = random.NextDouble();
                if (roll < 0.6)
                {
                    copy.Add(writer.Word() + (word.EndsWith('.') ? "." : ""));
                }
                else if (roll < 0.8)
                {
                    if (word.EndsWith('.') && copy.Count > 0)
                    {
                        copy[^1] += ".";
                    }
                }
                else
                {
                    copy.Add(word);
                    copy.Add(writer.Word());
                }
            }

            if (copy.Count > 0)
            {
                edited.Add(copy);
            }
        }

        return edited;
    }

    /// <summary>The first <paramref name="share"/> of the words, paragraphs kept.</summary>
    private static List<List<string>> Cut(List<List<string>> story, double share)
    {
        var keep = (int)Math.Round(story.Sum(p => p.Count) * share);
        var cut = new List<List<string>>();
        foreach (var paragraph in story)
        {
            if (keep <= 0)
            {
                break;
            }

            cut.Add(paragraph.Take(keep).ToList());
            keep -= paragraph.Count;
        }

        return cut;
    }

    /// <summary>A site's standing blocks: a marketing block and a sign-up box above, a footer written as paragraphs below.</summary>
    private static (List<List<string>> Head, List<List<string>> Tail) Template(StoryWriter writer) =>
        ([.. writer.Story(15 + writer.Random.Next(20)), .. writer.Story(8 + writer.Random.Next(10))],
         writer.Story(15 + writer.Random.Next(25)));

    private static string Wrap((List<List<string>> Head, List<List<string>> Tail) template, List<List<string>> story) =>
        StoryWriter.Render([.. template.Head, .. story, .. template.Tail]);
}
