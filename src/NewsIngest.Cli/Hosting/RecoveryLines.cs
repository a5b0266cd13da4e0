using NewsIngest.Ingestion.Storage;

namespace NewsIngest.Cli.Hosting;

/// <summary>
/// What start-up recovery found that the operator should hear of, one line each on stderr: a line of the last record
/// file that was not a record (<c>file:line: not a record, moved to …</c>; the verb exits 1) and a URL whose latest
/// record was cut short or damaged (<c>url: version N of its record was cut short; fetched again</c>; repaired, no
/// change to the exit code).
/// </summary>
internal static class RecoveryLines
{
    /// <summary>Writes the lines; true when a line that is not a record was moved aside.</summary>
    public static async Task<bool> WriteAsync(TextWriter stderr, string verb, ReconcileReport report)
    {
        foreach (var line in report.BadLines)
        {
            await stderr.WriteLineAsync($"newsingest {verb}: {line.File}:{line.Number}: not a record, moved to {line.MovedTo}");
        }

        foreach (var record in report.TornRecords)
        {
            await stderr.WriteLineAsync($"newsingest {verb}: {record.Url}: {record.Reason}");
        }

        return report.BadLines.Count > 0;
    }
}
