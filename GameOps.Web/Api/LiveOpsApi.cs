using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using GameOps.Web.Services;

namespace GameOps.Web.Api;

public static class LiveOpsApi
{
    public sealed record CancelBody(string Reason);
    public sealed record SegmentBody(string Kind, int? MinLevel, int? MaxLevel, string? GuildKey, string? ZoneKey);
    public sealed record BroadcastBody(string Title, string Message, string? Priority, SegmentBody? Segment, DateTime? ScheduledAt);

    public static void MapLiveOpsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Live ops");

        events.MapPost("/", async (HttpContext http, CurrentStaff staff, ResourceCatalog catalog, ResourceStore store, CancellationToken ct) =>
        {
            var resource = catalog.For<GameEvent>();
            await staff.DemandAsync(resource.WritePermission ?? Permission.LiveOpsWrite);
            if (await DesignApi.BodyAsync(http, ct) is not { } body) return ApiResults.Refused("Send the event as a JSON object.", 400);
            body.Remove("id");
            body.Remove("status");
            if (DesignApi.Merge(resource, resource.NewEntity(), body, out var error) is not GameEvent ev) return ApiResults.Refused(error ?? "Not an event.", 400);
            ev.Id = Guid.CreateVersion7();
            ev.Status = EventLifecycle.Draft;
            return DesignApi.Saved(http, resource, await store.SaveAsync(resource, ev, isNew: true, originalToken: null, ct: ct), 201);
        }).WithSummary("Create an event (a draft; validated like the editor)");

        events.MapPost("/{id:guid}/schedule", async (Guid id, CurrentStaff staff, EventService service, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.LiveOpsWrite);
            return Answer(await service.TransitionAsync(id, EventLifecycle.Scheduled, null, ct));
        }).WithSummary("Schedule a draft event (it needs a start and an end)");

        events.MapPost("/{id:guid}/cancel", async (Guid id, CancelBody body, CurrentStaff staff, EventService service, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.LiveOpsWrite);
            if (ApiResults.Broken(LiveOpsRules.CancelReason, body.Reason) is { } invalid) return invalid;
            return Answer(await service.TransitionAsync(id, EventLifecycle.Cancelled, body.Reason, ct));
        }).WithSummary("Cancel an event (a reason is required)");

        api.MapPost("/broadcasts", async (BroadcastBody body, CurrentStaff staff, BroadcastService service, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.LiveOpsWrite);
            var segment = body.Segment ?? new SegmentBody("all", null, null, null, null);
            var draft = new BroadcastDraft
            {
                Title = body.Title ?? "", Message = body.Message ?? "", Priority = body.Priority ?? "normal", ScheduledAt = body.ScheduledAt,
                Segment = new Segment { Kind = segment.Kind, MinLevel = segment.MinLevel, MaxLevel = segment.MaxLevel, GuildKey = segment.GuildKey, ZoneKey = segment.ZoneKey },
            };
            if (ApiResults.Broken(LiveOpsRules.Broadcast, draft) is { } invalid) return invalid;
            return Answer(await service.CreateAsync(draft, ct), created: true);
        }).WithTags("Live ops").WithSummary("Send a broadcast to a segment (all, level_range, guild, zone) now, or schedule it");
    }

    static IResult Answer(OperationResult result, bool created = false) =>
        !result.Ok ? ApiResults.Refused(result.Message, result.Message.Contains("no longer exists") ? 404 : 422)
        : Results.Json(new PlayersApi.Outcome(result.Message, result.Id), statusCode: created ? 201 : 200);
}
