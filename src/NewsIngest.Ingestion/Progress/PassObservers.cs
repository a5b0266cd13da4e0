using NewsIngest.Ingestion.Passes;

namespace NewsIngest.Ingestion.Progress;

/// <summary>Several observers as one, called in order.</summary>
public sealed class PassObservers(IEnumerable<IPassObserver> observers) : IPassObserver
{
    private readonly IPassObserver[] _observers = observers.ToArray();

    public void DiscoveryProblem(string source, string problem)
    {
        foreach (var observer in _observers)
        {
            observer.DiscoveryProblem(source, problem);
        }
    }

    public void PassStarted(IPassProgress pass)
    {
        foreach (var observer in _observers)
        {
            observer.PassStarted(pass);
        }
    }

    public void PageCompleted(IPassProgress pass, string source, PageResult result)
    {
        foreach (var observer in _observers)
        {
            observer.PageCompleted(pass, source, result);
        }
    }

    public void PassCompleted(IPassProgress pass, PassSummary summary)
    {
        foreach (var observer in _observers)
        {
            observer.PassCompleted(pass, summary);
        }
    }
}
