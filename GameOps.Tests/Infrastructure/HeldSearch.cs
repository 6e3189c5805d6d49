using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// Holds every query that <paramref name="isEarlySearch"/> picks out at the database until <see cref="Release"/> is set, deaf to
/// the caller's cancellation, so that an earlier search answers after a later one (typing fast into a picker). <see cref="Held"/>
/// completes when the first held query arrives, <see cref="Answered"/> when every held query has finished.
/// </summary>
public sealed class HeldSearch(Func<DbCommand, bool> isEarlySearch) : DbCommandInterceptor
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int pending;

    /// <summary>Picks the queries with a parameter for which <paramref name="isEarlyValue"/> holds.</summary>
    public static HeldSearch ForParameter(Func<object?, bool> isEarlyValue) =>
        new(command => command.Parameters.Cast<DbParameter>().Any(p => isEarlyValue(p.Value)));

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (isEarlySearch(command))
        {
            Interlocked.Increment(ref pending);
            Held.TrySetResult();
            await Release.Task; // deliberately deaf to the cancellation: the slow answer still comes, late
        }
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Finished(command);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Finished(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finished(command);
        return Task.CompletedTask;
    }

    void Finished(DbCommand command)
    {
        if (isEarlySearch(command) && Interlocked.Decrement(ref pending) == 0) Answered.TrySetResult();
    }
}
