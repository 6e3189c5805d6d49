using GameOps.Data.Entities;

namespace GameOps.Web.Services.LiveOps;

/// <summary>The write rules of events and broadcasts (see <see cref="WriteRules{TInput}"/>); field names as the API's bodies spell them.</summary>
public static class LiveOpsRules
{
    /// <summary>Scheduling a draft event: the stored event's dates.</summary>
    public static readonly WriteRules<GameEvent> Schedule = new(
        new("dates-required", nameof(GameEvent.StartTime), (ev, _) => ev.StartTime is null || ev.EndTime is null
            ? "Give the event a start and an end before scheduling it." : null),
        new("end-after-start", nameof(GameEvent.EndTime), (ev, _) => ev.EndTime <= ev.StartTime ? "The event must end after it starts." : null),
        new("end-in-future", nameof(GameEvent.EndTime), (ev, now) => ev.EndTime <= now
            ? "The event's end is in the past: move its dates before scheduling it." : null));

    /// <summary>Cancelling an event: the reason.</summary>
    public static readonly WriteRules<string?> CancelReason = new(
        new("reason-required", "reason", (reason, _) => string.IsNullOrWhiteSpace(reason) ? "Cancelling needs a reason (it is kept in the audit trail)." : null),
        new("reason-too-long", "reason", (reason, _) => reason!.Trim().Length > EventService.MaxReasonLength
            ? $"The reason is longer than {EventService.MaxReasonLength} characters." : null));

    /// <summary>Who a broadcast goes to.</summary>
    public static readonly WriteRules<Segment> Audience = new(
        new("kind", "kind", (s, _) => s.Kind is "all" or "level_range" or "guild" or "zone" ? null : "Choose who receives the broadcast."),
        new("level-required", "minLevel", (s, _) => s.Kind == "level_range" && s.MinLevel is null && s.MaxLevel is null ? "Give a minimum or a maximum level." : null),
        new("level-from-one", "minLevel", (s, _) => s.Kind == "level_range" && (s.MinLevel < 1 || s.MaxLevel < 1) ? "Levels start at 1." : null),
        new("level-order", "maxLevel", (s, _) => s.Kind == "level_range" && s.MinLevel > s.MaxLevel ? "The minimum level is above the maximum." : null),
        new("guild-required", "guildKey", (s, _) => s.Kind == "guild" && string.IsNullOrWhiteSpace(s.GuildKey) ? "Pick a guild." : null),
        new("zone-required", "zoneKey", (s, _) => s.Kind == "zone" && string.IsNullOrWhiteSpace(s.ZoneKey) ? "Pick a zone." : null));

    /// <summary>A broadcast to send or schedule (its segment's rules included, under "segment.").</summary>
    public static readonly WriteRules<BroadcastDraft> Broadcast = new(
    [
        new("title-required", "title", (d, _) => string.IsNullOrWhiteSpace(d.Title) ? "The title is required." : null),
        new("title-too-long", "title", (d, _) => d.Title.Trim().Length > BroadcastService.MaxTitleLength
            ? $"The title is longer than {BroadcastService.MaxTitleLength} characters." : null),
        new("message-required", "message", (d, _) => string.IsNullOrWhiteSpace(d.Message) ? "The message is required." : null),
        new("message-too-long", "message", (d, _) => d.Message.Trim().Length > BroadcastService.MaxMessageLength
            ? $"The message is longer than {BroadcastService.MaxMessageLength} characters." : null),
        new("priority", "priority", (d, _) => BroadcastService.Priorities.Contains(d.Priority) ? null : "Choose a priority."),
        .. Audience.All.Select(rule => new WriteRule<BroadcastDraft>("segment." + rule.Name, "segment." + rule.Field, (d, now) => rule.Check(d.Segment, now))),
        new("send-time-future", "scheduledAt", (d, now) => d.ScheduledAt is { } at && at <= now
            ? "The send time is in the past: choose a later time or send now." : null),
    ]);
}
