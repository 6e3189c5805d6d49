using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Auditing;

/// <summary>The outcome of walking the hash chain: intact, or the first row where it breaks and why.</summary>
public sealed record ChainVerification(bool Intact, long ChainedRows, long RowsBeforeChain, ChainBreak? Break)
{
    public string Summary => Intact
        ? $"Chain intact ({ChainedRows:N0} rows)" + (RowsBeforeChain > 0 ? $"; {RowsBeforeChain:N0} older rows predate the chain" : "")
        : $"Chain broken at row {Break!.Sequence:N0}: {Break.Problem}";
}

public sealed record ChainBreak(Guid EntryId, long Sequence, DateTime CreatedAt, string Action, string EntityType, string Problem);

/// <summary>Recomputes every chained audit row's hash in chain order (see <see cref="AuditChain"/>).</summary>
public sealed class AuditChainVerifier(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff)
{
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.AuditRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var beforeChain = await db.StaffAuditLogs.LongCountAsync(a => a.ChainSequence == null, ct);
        long expected = 1;
        string? previous = null;
        var rows = db.StaffAuditLogs.AsNoTracking().Where(a => a.ChainSequence != null)
            .OrderBy(a => a.ChainSequence).ThenBy(a => a.Id).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var problem =
                row.ChainSequence < expected ? "a second row claims the same place in the chain (inserted out of order)"
                : row.ChainSequence > expected ? $"row {expected:N0} is missing (deleted)"
                : row.PreviousHash != previous ? "it does not point at the hash of the row before it"
                : row.Hash != AuditChain.ComputeHash(row) ? "its content no longer matches its hash (changed after it was written)"
                : null;
            if (problem is not null)
                return new ChainVerification(false, expected - 1, beforeChain,
                    new ChainBreak(row.Id, row.ChainSequence!.Value, row.CreatedAt, row.Action, row.EntityType, problem));
            previous = row.Hash;
            expected++;
        }
        return new ChainVerification(true, expected - 1, beforeChain, null);
    }
}
