using System.Text;

namespace NewsIngest.Tests.Shared;

/// <summary>
/// Distinct prose for each generated article: sentences of words drawn from a fixed vocabulary with a generator seeded
/// by the article, so two articles share about as many word 5-grams as two different real stories (next to none) and
/// the near-duplicate index sees what it would see on a news site, not 2,000 copies of one template.
/// </summary>
internal static class StoryText
{
    private static readonly string[] Words =
    [
        "shipping", "volumes", "berth", "port", "rose", "fell", "third", "month", "exporters", "cleared", "backlog", "orders",
        "officials", "said", "increase", "reflected", "stronger", "demand", "abroad", "warning", "energy", "prices",
        "remained", "volatile", "traders", "expect", "pace", "slow", "coming", "weeks", "holiday", "season", "ends",
        "inventories", "return", "normal", "council", "voted", "budget", "school", "hospital", "road", "bridge", "repairs",
        "minister", "announced", "plan", "funding", "regional", "rail", "line", "delays", "passengers", "union", "strike",
        "talks", "resumed", "wages", "workers", "factory", "closed", "opened", "jobs", "local", "residents", "flood",
        "warning", "river", "levels", "storm", "wind", "coast", "farmers", "harvest", "wheat", "crop", "drought", "rain",
        "court", "ruled", "appeal", "judge", "case", "police", "arrested", "suspect", "investigation", "fire", "crews",
        "museum", "exhibition", "visitors", "festival", "tickets", "team", "season", "match", "coach", "players", "league",
        "election", "candidates", "polls", "turnout", "mayor", "city", "housing", "rents", "tenants", "market", "shares",
        "bank", "interest", "rates", "inflation", "growth", "report", "survey", "data", "showed", "quarter", "year",
        "scientists", "study", "found", "climate", "emissions", "carbon", "solar", "wind", "power", "grid", "network",
        "company", "chief", "executive", "profit", "loss", "revenue", "customers", "prices", "supply", "chain", "goods",
        "airport", "flights", "cancelled", "ferry", "service", "weather", "snow", "ice", "schools", "teachers", "pupils",
    ];

    /// <summary>Three paragraphs of about 20 words each, the same for the same seed.</summary>
    public static IReadOnlyList<string> Paragraphs(int seed)
    {
        var random = new Random(seed);
        var paragraphs = new string[3];
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var text = new StringBuilder();
            var words = random.Next(18, 24);
            for (var w = 0; w < words; w++)
            {
                var word = Words[random.Next(Words.Length)];
                text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == words - 1 ? "." : " ");
            }

            paragraphs[p] = text.ToString();
        }

        return paragraphs;
    }
}
