using Microsoft.Extensions.Logging;

namespace NewsIngest.Ingestion.Workers;

/// <summary>Log events of a worker on the shared state: registration, leases, adoption, connection trouble.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(1301, LogLevel.Information, "Worker {Worker} registered (epoch {Epoch}), records in {Directory} as {Prefix}-*")]
    public static partial void Registered(ILogger logger, string worker, long epoch, string directory, string prefix);

    [LoggerMessage(1302, LogLevel.Warning, "Lost the lease of {Host} (taken over after it ran out); its work stopped, its pages stay for the new holder")]
    public static partial void LeaseLost(ILogger logger, string host);

    [LoggerMessage(1303, LogLevel.Error, "Worker {Worker}: {Reason}")]
    public static partial void RegistrationLost(ILogger logger, string worker, string reason);

    [LoggerMessage(1304, LogLevel.Warning, "Worker {Dead} stopped renewing (killed or paused past Worker:LeaseTtl): adopted by {Worker}, settling its files")]
    public static partial void Adopting(ILogger logger, string dead, string worker);

    [LoggerMessage(1305, LogLevel.Warning, "Worker {Dead} settled by {Worker}: {Committed} pending records found in its files and committed, {Dropped} not written and dropped, {Torn} torn and {Bad} bad lines moved aside")]
    public static partial void Adopted(ILogger logger, string dead, string worker, int committed, int dropped, int torn, int bad);

    [LoggerMessage(1306, LogLevel.Warning, "PostgreSQL unreachable ({Reason}); retrying with backoff")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(1307, LogLevel.Information, "PostgreSQL reachable again after {Retries} retries")]
    public static partial void ConnectionBack(ILogger logger, int retries);

    [LoggerMessage(1308, LogLevel.Error, "Could not settle dead worker {Dead}: {Reason}; another worker tries again once its adoption runs out")]
    public static partial void AdoptionFailed(ILogger logger, string dead, string reason);

    [LoggerMessage(1309, LogLevel.Information, "Pass of source {Source} due {Due} is run by worker {Holder}; not here")]
    public static partial void PassTakenElsewhere(ILogger logger, string source, DateTimeOffset due, string holder);

    [LoggerMessage(1310, LogLevel.Warning, "Pass of source {Source} claimed by worker {Claimer}, which stopped before reading the source, is run here")]
    public static partial void PassTakenOver(ILogger logger, string source, string claimer);

    [LoggerMessage(1311, LogLevel.Warning, "Could not look for passes left unread by stopped workers ({Reason}); looking again in {Period}")]
    public static partial void TakeOverFailed(ILogger logger, string reason, TimeSpan period);
}
