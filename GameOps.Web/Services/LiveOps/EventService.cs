using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.LiveOps;

/// <summary>
/// The event workflows: lifecycle transitions, rewards, schedules and clone. Every call checks the live-ops write
/// permission and the event's state itself (the page only hides what it may not do), runs in one transaction, and is
/// audited by the StaffAuditInterceptor: a cancellation's reason is written into the event's <c>settings</c>
/// (<c>cancellation.reason</c>), so it is in the audit row of that change.
/// </summary>
public sealed class EventService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxReasonLength = 1000;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    async Task<string?> RefuseUnlessWriterAsync() =>
        LiveOpsAccess.CanWrite(await currentStaff.GetPrincipalAsync()) ? null : "Your role can view live-ops events but not change them.";

    public async Task<OperationResult> TransitionAsync(Guid eventId, string to, string? reason = null, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return OperationResult.Refused("This event no longer exists.");
        if (!EventLifecycle.CanMove(ev.Status, to))
            return OperationResult.Refused(EventLifecycle.IsClosed(ev.Status)
                ? $"This event is {ev.Status}: its status can no longer change."
                : $"An event cannot go from {ev.Status} to {to}.");
        var now = Now();
        switch (to)
        {
            case EventLifecycle.Scheduled:
                if (LiveOpsRules.Schedule.FirstProblem(ev, now) is { } unschedulable) return OperationResult.Refused(unschedulable);
                break;
            case EventLifecycle.Active:
                if (ev.EndTime is { } end && end <= now) return OperationResult.Refused("The event's end is in the past: move it before starting the event.");
                if (ev.StartTime is null || ev.StartTime > now) ev.StartTime = now;
                break;
            case EventLifecycle.Ended:
                if (ev.EndTime is null || ev.EndTime > now) ev.EndTime = now;
                await db.EventSchedules.Where(s => s.EventId == eventId && s.IsActive).ForEachAsync(s => { s.IsActive = false; s.NextRun = null; }, ct);
                break;
            case EventLifecycle.Cancelled:
                if (LiveOpsRules.CancelReason.FirstProblem(reason, now) is { } noReason) return OperationResult.Refused(noReason);
                var user = await currentStaff.GetPrincipalAsync();
                ev.Settings = WithCancellation(ev.Settings, reason!.Trim(), now, CurrentStaff.EmailOf(user), ev.Status);
                await db.EventSchedules.Where(s => s.EventId == eventId && s.IsActive).ForEachAsync(s => { s.IsActive = false; s.NextRun = null; }, ct);
                break;
        }
        var from = ev.Status;
        ev.Status = to;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OperationResult.Success(to == EventLifecycle.Cancelled ? "Event cancelled." : $"Event moved from {from} to {to}.");
    }

    static string WithCancellation(string? settings, string reason, DateTime at, string? by, string previousStatus)
    {
        JsonObject root;
        try { root = JsonNode.Parse(string.IsNullOrWhiteSpace(settings) ? "{}" : settings) as JsonObject ?? new JsonObject(); }
        catch (System.Text.Json.JsonException) { root = new JsonObject { ["previous_settings"] = settings }; }
        root["cancellation"] = new JsonObject
        {
            ["reason"] = reason,
            ["cancelled_at"] = at.ToString("O"),
            ["cancelled_by"] = by,
            ["previous_status"] = previousStatus,
        };
        return root.ToJsonString();
    }

    /// <summary>The cancellation reason recorded on a cancelled event, if any.</summary>
    public static string? CancellationReason(string? settings)
    {
        try { return (JsonNode.Parse(settings ?? "{}") as JsonObject)?["cancellation"]?["reason"]?.GetValue<string>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }

    // ------------------------------------------------------------------ rewards

    /// <summary>The managed event types and categories (active and retired) for the editor's lists.</summary>
    public async Task<IReadOnlyList<EventKindOption>> EventKindsAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await GameOps.Web.Resources.Workspaces.LiveOpsResources.EventKindOptionsAsync(db, ct);
    }

    public async Task<List<RewardDraft>> RewardsAsync(Guid eventId, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EventRewards.AsNoTracking().Where(r => r.EventId == eventId)
            .OrderBy(r => r.ConditionType == "rank" ? 0 : r.ConditionType == "score_threshold" ? 1 : r.ConditionType == "completion" ? 2 : 3)
            .ThenBy(r => r.RankMin).ThenByDescending(r => r.ScoreThreshold)
            .Select(r => new RewardDraft
            {
                Id = r.Id, ItemKey = r.Item.ItemId, ItemName = r.Item.Name, Quantity = r.Quantity, ConditionType = r.ConditionType,
                RankMin = r.RankMin, RankMax = r.RankMax, ScoreThreshold = r.ScoreThreshold,
            }).ToListAsync(ct);
    }

    public static IReadOnlyList<string> ValidateReward(RewardDraft r)
    {
        var issues = new List<string>();
        if (string.IsNullOrWhiteSpace(r.ItemKey)) issues.Add("Pick an item.");
        if (r.Quantity is < 1 or > 100_000) issues.Add("The quantity must be between 1 and 100,000.");
        switch (r.ConditionType)
        {
            case "rank":
                if (r.RankMin is not { } min || min < 1) issues.Add("A rank reward needs a first rank of 1 or more.");
                else if (r.RankMax is { } max && max < min) issues.Add("The last rank must not be before the first.");
                break;
            case "score_threshold":
                if (r.ScoreThreshold is not { } s || s < 0) issues.Add("A score reward needs a threshold of 0 or more.");
                break;
            case "participation" or "completion":
                break;
            default:
                issues.Add("Choose a condition: participation, completion, rank or score threshold.");
                break;
        }
        return issues;
    }

    const string RewardsConflict = "Someone else changed this event's reward tiers since you opened them; nothing was saved.";

    /// <summary>
    /// Replaces the event's rewards with <paramref name="rewards"/> (rows are updated, added, removed) in one transaction.
    /// <paramref name="seen"/> is the set as the editor loaded it: when the stored set differs, someone else saved first and
    /// nothing changes (a conflict, with what differs). Pass null only to overwrite knowingly.
    /// </summary>
    public async Task<OperationResult> SaveRewardsAsync(Guid eventId, IReadOnlyList<RewardDraft> rewards, IReadOnlyList<RewardDraft>? seen, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        for (var i = 0; i < rewards.Count; i++)
            if (ValidateReward(rewards[i]) is [var first, ..]) return OperationResult.Refused($"Reward {i + 1}: {first}");
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var status = await db.Events.Where(e => e.Id == eventId).Select(e => e.Status).FirstOrDefaultAsync(ct);
        if (status is null) return OperationResult.Refused("This event no longer exists.");
        if (EventLifecycle.IsClosed(status)) return OperationResult.Refused($"This event is {status}: its rewards can no longer change.");
        var keys = rewards.Select(r => r.ItemKey.Trim()).Distinct().ToList();
        var items = await db.Items.Where(i => keys.Contains(i.ItemId)).Select(i => new { i.ItemId, i.Id }).ToDictionaryAsync(i => i.ItemId, i => i.Id, ct);
        if (keys.FirstOrDefault(k => !items.ContainsKey(k)) is { } missing) return OperationResult.Refused($"There is no item \"{missing}\" in the catalogue.");
        var existing = await db.EventRewards.Where(r => r.EventId == eventId).ToListAsync(ct);
        if (seen is not null)
        {
            var stored = await StoredRewardsAsync(db, existing, ct);
            if (RewardDraft.ChangedByOthers(seen, rewards, stored) is { Count: > 0 } differences) return OperationResult.Conflicted(RewardsConflict, differences);
        }
        foreach (var gone in existing.Where(e => rewards.All(r => r.Id != e.Id))) db.EventRewards.Remove(gone);
        foreach (var draft in rewards)
        {
            var row = existing.FirstOrDefault(e => e.Id == draft.Id);
            if (row is null)
            {
                row = new EventReward { Id = Guid.CreateVersion7(), EventId = eventId };
                db.EventRewards.Add(row);
            }
            row.ItemId = items[draft.ItemKey.Trim()];
            row.Quantity = draft.Quantity;
            row.ConditionType = draft.ConditionType;
            row.RankMin = draft.ConditionType == "rank" ? draft.RankMin : null;
            row.RankMax = draft.ConditionType == "rank" ? draft.RankMax ?? draft.RankMin : null;
            row.ScoreThreshold = draft.ConditionType == "score_threshold" ? draft.ScoreThreshold : null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save committed between our read and our write (a row we update or remove changed under us).
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var stored = await StoredRewardsAsync(fresh, await fresh.EventRewards.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(ct), ct);
            return OperationResult.Conflicted(RewardsConflict, RewardDraft.ChangedByOthers(seen ?? [], rewards, stored));
        }
        return OperationResult.Success($"Rewards saved ({rewards.Count}).");
    }

    static async Task<List<RewardDraft>> StoredRewardsAsync(GameOpsDbContext db, IReadOnlyList<EventReward> rows, CancellationToken ct)
    {
        var itemIds = rows.Select(r => r.ItemId).Distinct().ToList();
        var keys = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ItemId, ct);
        return rows.Select(r => new RewardDraft
        {
            Id = r.Id, ItemKey = keys.GetValueOrDefault(r.ItemId) ?? "", Quantity = r.Quantity, ConditionType = r.ConditionType,
            RankMin = r.RankMin, RankMax = r.RankMax, ScoreThreshold = r.ScoreThreshold,
        }).ToList();
    }

    // ------------------------------------------------------------------ schedules

    public async Task<List<ScheduleDraft>> SchedulesAsync(Guid eventId, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.EventSchedules.AsNoTracking().Where(s => s.EventId == eventId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new ScheduleDraft
            {
                Id = s.Id, ScheduleType = s.ScheduleType, CronExpression = s.CronExpression, TimeZone = s.TimeZone, WindowStart = s.WindowStart,
                WindowEnd = s.WindowEnd, DurationMinutes = s.DurationMinutes, IsActive = s.IsActive,
                EventStart = s.Event.StartTime, EventEnd = s.Event.EndTime,
            }).ToListAsync(ct);
    }

    const string ScheduleConflict = "Someone else changed this schedule since you opened it; nothing was saved.";

    /// <summary>
    /// Adds or updates one schedule and recomputes its <c>next_run</c>. <paramref name="seen"/> is the schedule as the editor
    /// loaded it (null for a new one, or to overwrite knowingly): when the stored one differs, nothing changes (a conflict).
    /// </summary>
    public async Task<OperationResult> SaveScheduleAsync(Guid eventId, ScheduleDraft draft, ScheduleDraft? seen, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        if (EventScheduling.Validate(draft.ForEvent(null, null)) is { Count: > 0 } ruleIssues)
            return OperationResult.Refused("Fix the highlighted fields; nothing was saved.", ruleIssues);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.Status, e.StartTime, e.EndTime }).FirstOrDefaultAsync(ct);
        if (owner is null) return OperationResult.Refused("This event no longer exists.");
        var status = owner.Status;
        if (EventLifecycle.IsClosed(status)) return OperationResult.Refused($"This event is {status}: its schedules can no longer change.");
        // The event's window comes from the database, never from the form.
        draft = draft.ForEvent(owner.StartTime, owner.EndTime);
        if (EventScheduling.Validate(draft) is { Count: > 0 } issues) return OperationResult.Refused("Fix the highlighted fields; nothing was saved.", issues);
        EventSchedule? row = null;
        if (draft.Id is { } id)
        {
            row = await db.EventSchedules.FirstOrDefaultAsync(s => s.Id == id && s.EventId == eventId, ct);
            if (row is null) return OperationResult.Refused("This schedule no longer exists.");
            if (seen is not null && ScheduleDraft.Changes(seen, ScheduleDraft.Of(row)).Count > 0)
                return OperationResult.Conflicted(ScheduleConflict, ScheduleDraft.Changes(draft, ScheduleDraft.Of(row)));
        }
        else
        {
            row = new EventSchedule { Id = Guid.CreateVersion7(), EventId = eventId };
            db.EventSchedules.Add(row);
        }
        Apply(draft, row, Now());
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var stored = await fresh.EventSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == row.Id, ct);
            return stored is null
                ? OperationResult.Refused("This schedule no longer exists.")
                : OperationResult.Conflicted(ScheduleConflict, ScheduleDraft.Changes(draft, ScheduleDraft.Of(stored)));
        }
        return OperationResult.Success(row.NextRun is { } next ? $"Schedule saved; next run {next:yyyy-MM-dd HH:mm} UTC." : "Schedule saved; it has no run left.", row.Id);
    }

    static void Apply(ScheduleDraft draft, EventSchedule row, DateTime now)
    {
        var recurring = draft.ScheduleType == ScheduleDraft.Recurring;
        row.ScheduleType = draft.ScheduleType;
        row.CronExpression = recurring ? draft.CronExpression!.Trim() : null;
        row.TimeZone = EventScheduling.FindZone(draft.TimeZone) is null ? "UTC" : draft.TimeZone!.Trim();
        row.WindowStart = draft.WindowStart is { } s ? EventScheduling.Utc(s) : null;
        row.WindowEnd = draft.WindowEnd is { } e ? EventScheduling.Utc(e) : null;
        row.DurationMinutes = recurring ? draft.DurationMinutes : draft.WindowStart is { } a && draft.WindowEnd is { } b ? (int)(b - a).TotalMinutes : null;
        row.IsActive = draft.IsActive;
        row.NextRun = EventScheduling.NextRun(draft, now);
    }

    /// <summary>"Created by" is the server's stamp, never typed: the staff member who saved the event first.</summary>
    public async Task StampCreatorAsync(Guid eventId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is not null) return;
        if (CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync()) is not { } staffId) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var ev = await db.Events.FirstOrDefaultAsync(e => e.Id == eventId && e.CreatedBy == null, ct);
        if (ev is null) return;
        ev.CreatedBy = staffId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After the event's dates changed: every schedule's <c>next_run</c> again, inside the new window.</summary>
    public async Task<int> RefreshNextRunsAsync(Guid eventId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is not null) return 0;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var window = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.StartTime, e.EndTime }).FirstOrDefaultAsync(ct);
        if (window is null) return 0;
        var now = Now();
        var rows = await db.EventSchedules.Where(s => s.EventId == eventId).ToListAsync(ct);
        foreach (var row in rows)
            row.NextRun = EventScheduling.NextRun(EventScheduling.DraftOf(row, window.StartTime, window.EndTime), now);
        return await db.SaveChangesAsync(ct);
    }

    public async Task<OperationResult> DeleteScheduleAsync(Guid eventId, Guid scheduleId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var status = await db.Events.Where(e => e.Id == eventId).Select(e => e.Status).FirstOrDefaultAsync(ct);
        if (status is null) return OperationResult.Refused("This event no longer exists.");
        if (EventLifecycle.IsClosed(status)) return OperationResult.Refused($"This event is {status}: its schedules can no longer change.");
        var row = await db.EventSchedules.FirstOrDefaultAsync(s => s.Id == scheduleId && s.EventId == eventId, ct);
        if (row is null) return OperationResult.Refused("This schedule no longer exists.");
        db.EventSchedules.Remove(row);
        await db.SaveChangesAsync(ct);
        return OperationResult.Success("Schedule removed.");
    }

    // ------------------------------------------------------------------ clone

    /// <summary>
    /// Copies an event as a new draft with its rewards and schedules. Dates move forward by whole weeks, so the copy
    /// starts in the future on the same weekday and time of day as the original (last month's Saturday event becomes
    /// next Saturday's).
    /// </summary>
    public async Task<OperationResult> CloneAsync(Guid eventId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var source = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, ct);
        if (source is null) return OperationResult.Refused("This event no longer exists.");
        var shift = ShiftToFuture(source.StartTime, now);
        var key = await FreeKeyAsync(db, source.EventId, ct);
        var staffId = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        var copy = new GameEvent
        {
            Id = Guid.CreateVersion7(), EventId = key, Name = Truncate(source.Name + " (copy)", 200), Description = source.Description, EventType = source.EventType,
            Category = source.Category, Status = EventLifecycle.Draft, StartTime = source.StartTime + shift, EndTime = source.EndTime + shift,
            Duration = source.Duration, MaxParticipants = source.MaxParticipants, CurrentParticipants = 0, Requirements = source.Requirements,
            Rewards = source.Rewards, Settings = WithoutCancellation(source.Settings), CreatedBy = staffId,
        };
        db.Events.Add(copy);
        foreach (var r in await db.EventRewards.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(ct))
            db.EventRewards.Add(new EventReward
            {
                Id = Guid.CreateVersion7(), EventId = copy.Id, ItemId = r.ItemId, Quantity = r.Quantity, ConditionType = r.ConditionType,
                RankMin = r.RankMin, RankMax = r.RankMax, ScoreThreshold = r.ScoreThreshold,
            });
        foreach (var s in await db.EventSchedules.AsNoTracking().Where(s => s.EventId == eventId).ToListAsync(ct))
        {
            var row = new EventSchedule { Id = Guid.CreateVersion7(), EventId = copy.Id };
            Apply(new ScheduleDraft
            {
                ScheduleType = s.ScheduleType, CronExpression = s.CronExpression, TimeZone = s.TimeZone, WindowStart = s.WindowStart + shift,
                WindowEnd = s.WindowEnd + shift, DurationMinutes = s.DurationMinutes, IsActive = true,
                EventStart = copy.StartTime, EventEnd = copy.EndTime,
            }, row, now);
            db.EventSchedules.Add(row);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OperationResult.Success($"Cloned as draft {key}.", copy.Id);
    }

    internal static TimeSpan ShiftToFuture(DateTime? start, DateTime now)
    {
        if (start is not { } s || s > now) return TimeSpan.Zero;
        var weeks = Math.Floor((now - s).TotalDays / 7) + 1;
        return TimeSpan.FromDays(7 * weeks);
    }

    static async Task<string> FreeKeyAsync(GameOpsDbContext db, string key, CancellationToken ct)
    {
        var stem = System.Text.RegularExpressions.Regex.Replace(key, "_copy\\d*$", "");
        stem = stem.Length > 56 ? stem[..56] : stem;
        var taken = await db.Events.Where(e => e.EventId.StartsWith(stem + "_copy")).Select(e => e.EventId).ToListAsync(ct);
        for (var n = 1; ; n++)
        {
            var candidate = n == 1 ? stem + "_copy" : $"{stem}_copy{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    static string? WithoutCancellation(string? settings)
    {
        try
        {
            if (JsonNode.Parse(settings ?? "{}") is not JsonObject root) return settings;
            root.Remove("cancellation");
            return root.ToJsonString();
        }
        catch (System.Text.Json.JsonException) { return settings; }
    }

    static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    // ------------------------------------------------------------------ participation

    public async Task<ParticipationFigures> ParticipationAsync(Guid eventId, int top = 10, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var byStatus = await db.EventParticipations.AsNoTracking().Where(p => p.EventId == eventId)
            .GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count(), Score = g.Sum(p => (long?)p.Score), Scored = g.Count(p => p.Score != null) })
            .ToListAsync(ct);
        var joined = byStatus.Sum(s => s.Count);
        var completed = byStatus.Where(s => s.Status == "completed").Sum(s => s.Count);
        var abandoned = byStatus.Where(s => s.Status == "abandoned").Sum(s => s.Count);
        var scored = byStatus.Sum(s => s.Scored);
        var leaders = await db.EventParticipations.AsNoTracking().Where(p => p.EventId == eventId)
            .OrderBy(p => p.Rank == null).ThenBy(p => p.Rank).ThenByDescending(p => p.Score).ThenBy(p => p.JoinedAt)
            .Take(top)
            .Select(p => new TopParticipant(p.UserId, p.User.Username, p.Actor != null ? p.Actor.Name : null, p.Rank, p.Score, p.Status))
            .ToListAsync(ct);
        return new ParticipationFigures(joined, completed, abandoned, joined - completed - abandoned, joined == 0 ? 0 : (double)completed / joined,
            scored == 0 ? null : (double)byStatus.Sum(s => s.Score ?? 0) / scored, leaders);
    }
}
