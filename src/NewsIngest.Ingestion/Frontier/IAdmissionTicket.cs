namespace NewsIngest.Ingestion.Frontier;

/// <summary>The room one page was admitted with (<see cref="IFrontierAdmission"/>); disposing it gives the room back.</summary>
public interface IAdmissionTicket : IDisposable
{
    /// <summary>
    /// Called on the page's own flow just before it runs, so what it fetches from there on is counted against this
    /// ticket (its body bytes), not against another page's.
    /// </summary>
    void Enter();
}
