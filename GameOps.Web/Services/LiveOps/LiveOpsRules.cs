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

    /// <summary>
    /// An event's type and category come from the managed lists (<c>event_kinds</c>): a new or changed value must be an active entry;
    /// a value the event already had stays (a retired entry is kept on the events that use it). Run by the event resource's
    /// save path, so the editor and <c>POST /api/v1/events</c> refuse the same values with the same message at the field.
    /// </summary>
    public static readonly WriteRules<EventKindInput> EventKinds = new(
        new("type-unknown", nameof(GameEvent.EventType), (k, _) => k.Changed(k.EventType, k.StoredType) && k.Find(EventKind.TypeKind, k.EventType) is null
            ? $"\"{k.EventType}\" is not an event type: choose one from the list (managed under Live Ops › Event types & categories)." : null),
        new("type-retired", nameof(GameEvent.EventType), (k, _) => k.Changed(k.EventType, k.StoredType) && k.Find(EventKind.TypeKind, k.EventType) is { IsActive: false } retired
            ? $"The event type \"{retired.Label}\" is retired: choose an active one." : null),
        new("category-unknown", nameof(GameEvent.Category), (k, _) => k.Changed(k.Category, k.StoredCategory) && k.Find(EventKind.CategoryKind, k.Category) is null
            ? $"\"{k.Category}\" is not an event category: choose one from the list (managed under Live Ops › Event types & categories)." : null),
        new("category-retired", nameof(GameEvent.Category), (k, _) => k.Changed(k.Category, k.StoredCategory) && k.Find(EventKind.CategoryKind, k.Category) is { IsActive: false } retired
            ? $"The event category \"{retired.Label}\" is retired: choose an active one." : null));

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

/// <summary>One entry of the managed event types and categories, as the editor and the rules read it.</summary>
public sealed record EventKindOption(string Kind, string Key, string Label, bool IsActive);

/// <summary>How lists and the calendar name an event's type and category: the managed entry's label ("(retired)" after a retired one), else the stored key.</summary>
public static class EventKindLabels
{
    public static string LabelOf(EventKindOption option) => option.IsActive ? option.Label : option.Label + " (retired)";

    /// <summary>The label of a stored key, or the key itself when no entry has it.</summary>
    public static string Of(IReadOnlyList<EventKindOption> kinds, string kind, string key) =>
        kinds.FirstOrDefault(k => k.Kind == kind && k.Key == key) is { } option ? LabelOf(option) : key;

    /// <summary>The events list's labelled columns: <see cref="GameEvent.EventType"/> and <see cref="GameEvent.Category"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<GameOps.Web.Resources.ValueLabel>> Of(IReadOnlyList<EventKindOption> kinds) =>
        new Dictionary<string, IReadOnlyList<GameOps.Web.Resources.ValueLabel>>
        {
            [nameof(GameEvent.EventType)] = Labels(kinds, EventKind.TypeKind),
            [nameof(GameEvent.Category)] = Labels(kinds, EventKind.CategoryKind),
        };

    static List<GameOps.Web.Resources.ValueLabel> Labels(IReadOnlyList<EventKindOption> kinds, string kind) =>
        kinds.Where(k => k.Kind == kind).Select(k => new GameOps.Web.Resources.ValueLabel(k.Key, LabelOf(k))).ToList();
}

/// <summary>
/// What <see cref="LiveOpsRules.EventKinds"/> checks: the event's type and category, the values stored before this save
/// (null for a new event) and the managed entries.
/// </summary>
public sealed record EventKindInput(string? EventType, string? Category, string? StoredType, string? StoredCategory, IReadOnlyList<EventKindOption> Kinds)
{
    /// <summary>A value to check: set (a blank category is "none"; a blank type is the required-field rule's) and not the one the event already had.</summary>
    internal bool Changed(string? value, string? stored) => !string.IsNullOrWhiteSpace(value) && value != stored;

    internal EventKindOption? Find(string kind, string? key) => Kinds.FirstOrDefault(k => k.Kind == kind && k.Key == key);
}
