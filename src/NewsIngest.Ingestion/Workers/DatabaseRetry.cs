using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace NewsIngest.Ingestion.Workers;

/// <summary>
/// Retries a worker's database calls while PostgreSQL is unreachable (its connection ended by
/// <c>pg_terminate_backend</c>, the server restarting, a network cut): exponential backoff with jitter, 100 ms up to
/// 5 s, until the call succeeds or its token fires. One line when the trouble starts, one when it ends, not one per
/// retry. Only transient faults are retried (Npgsql's own verdict, sockets, timeouts); a wrong query is not.
/// </summary>
public sealed class DatabaseRetry
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private int _retries;

    public DatabaseRetry(TimeProvider time, ILogger logger)
    {
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    if (Interlocked.Increment(ref _retries) == 1)
                    {
                        WorkerLog.ConnectionLost(_logger, OneLine(args.Outcome.Exception));
                    }

                    return default;
                },
            })
            .Build();
    }

    /// <summary>True for a fault that a later attempt may not meet: the connection or the server, not the query.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: IOException or SocketException or TimeoutException } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "08006" or "08003" or "25P03" } => true,
        SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Runs <paramref name="call"/>, again after a transient fault.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var result = await _pipeline.ExecuteAsync(async token => await call(token), cancellationToken);
        Recovered();
        return result;
    }

    /// <summary>Runs <paramref name="call"/>, again after a transient fault.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        await _pipeline.ExecuteAsync(async token => await call(token), cancellationToken);
        Recovered();
    }

    private void Recovered()
    {
        var retries = Interlocked.Exchange(ref _retries, 0);
        if (retries > 0)
        {
            WorkerLog.ConnectionBack(_logger, retries);
        }
    }

    private static string OneLine(Exception? exception) => (exception?.Message ?? "unknown").ReplaceLineEndings(" ");
}
