using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsIngest.Benchmarks.Pages;

namespace NewsIngest.Benchmarks.Benchmarks;

/// <summary>
/// A summary column computed from a case's page set and its mean time (seconds), so throughput sits in the same
/// table as the measured figure it is derived from.
/// </summary>
internal sealed class SetColumn(string name, string legend, Func<PageSet, double?, string> value) : IColumn
{
    private static readonly ConcurrentDictionary<string, PageSet> Sets = new();

    /// <summary>Makes a set built in code (not loaded by name) known to the columns.</summary>
    public static void Register(PageSet set) => Sets[set.Name] = set;

    public string Id => $"{nameof(SetColumn)}.{name}";
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Set"] is not string setName)
        {
            return "?";
        }

        var set = Sets.GetOrAdd(setName, PageSetLoader.Load);
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return value(set, meanNs / 1e9);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
