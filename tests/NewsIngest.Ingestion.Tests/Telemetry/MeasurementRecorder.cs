using System.Diagnostics.Metrics;
using NewsIngest.Ingestion.Telemetry;

namespace NewsIngest.Ingestion.Tests.Telemetry;

/// <summary>
/// Records every measurement of the <c>NewsIngest</c> meter made by one <see cref="IMeterFactory"/> (so tests running
/// in parallel, each with their own factory, never see each other's), with a <see cref="MeterListener"/>.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Recorded> _measurements = [];

    public MeasurementRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NewsIngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>One measurement: the instrument, its value and its attributes.</summary>
    public sealed record Recorded(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
    {
        public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? value?.ToString() : null;
    }

    /// <summary>The measurements of <paramref name="name"/> so far.</summary>
    public IReadOnlyList<Recorded> Of(string name)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument.Name == name).ToList();
        }
    }

    /// <summary>The sum of a counter's measurements whose attributes include <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) =>
        Of(name).Where(m => tags.All(t => m.Tag(t.Key) == t.Value)).Sum(m => m.Value);

    /// <summary>Reads the observable instruments now (what a scrape does).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct, IConvertible
    {
        var recorded = new Recorded(instrument, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
        lock (_measurements)
        {
            _measurements.Add(recorded);
        }
    }
}
