using System.Security.Claims;
using GameOps.Web.Security;

namespace GameOps.Web.Services.LiveOps;

/// <summary>The event lifecycle: draft → scheduled → active → ended, or cancelled from any state before ended.</summary>
public static class EventLifecycle
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Cancelled = "cancelled";

    static readonly Dictionary<string, string[]> Legal = new()
    {
        [Draft] = [Scheduled, Cancelled],
        [Scheduled] = [Active, Draft, Cancelled],
        [Active] = [Ended, Cancelled],
        [Ended] = [],
        [Cancelled] = [],
    };

    public static IReadOnlyList<string> NextStates(string status) => Legal.GetValueOrDefault(status) ?? [];

    public static bool CanMove(string from, string to) => NextStates(from).Contains(to);

    /// <summary>Ended and cancelled events are history: their definition, rewards and schedules no longer change.</summary>
    public static bool IsClosed(string status) => status is Ended or Cancelled;

    public static string ActionLabel(string to) => to switch
    {
        Scheduled => "Schedule",
        Active => "Start now",
        Ended => "End now",
        Draft => "Back to draft",
        Cancelled => "Cancel event",
        _ => to,
    };
}

public static class LiveOpsAccess
{
    public static bool CanWrite(ClaimsPrincipal? user) =>
        user.Has(Permission.LiveOpsWrite);
}

/// <summary>An <c>event_rewards</c> row as the reward editor holds it (the item by its catalogue key).</summary>
public sealed class RewardDraft
{
    public static readonly string[] Conditions = ["participation", "completion", "rank", "score_threshold"];

    public Guid? Id { get; set; }
    public string ItemKey { get; set; } = "";
    public string? ItemName { get; set; }
    public int Quantity { get; set; } = 1;
    public string ConditionType { get; set; } = "participation";
    public int? RankMin { get; set; }
    public int? RankMax { get; set; }
    public int? ScoreThreshold { get; set; }

    public RewardDraft Copy() => (RewardDraft)MemberwiseClone();

    /// <summary>"5 × it_potion for rank 1–3" or "… for rank 1", the way the conflict dialog names a tier.</summary>
    public string Describe() => $"{Quantity} × {ItemKey.Trim()} for " + ConditionType switch
    {
        "rank" => RankMax is { } max && max != RankMin ? $"rank {RankMin}–{max}" : $"rank {RankMin}",
        "score_threshold" => $"score ≥ {ScoreThreshold}",
        _ => ConditionType,
    };

    /// <summary>
    /// The tiers someone else changed since the editor loaded <paramref name="seen"/> (by id, added and removed ones too),
    /// each as the editor now has it against the stored one; empty when nobody else changed any.
    /// </summary>
    public static IReadOnlyList<GameOps.Web.Resources.ConflictDifference> ChangedByOthers(IReadOnlyList<RewardDraft> seen, IReadOnlyList<RewardDraft> mine, IReadOnlyList<RewardDraft> stored)
    {
        static string? Of(IReadOnlyList<RewardDraft> tiers, Guid id) => tiers.FirstOrDefault(t => t.Id == id)?.Describe();
        var changed = seen.Concat(stored).Where(t => t.Id is not null).Select(t => t.Id!.Value).Distinct().Where(id => Of(seen, id) != Of(stored, id)).ToList();
        return changed.Select(id => new GameOps.Web.Resources.ConflictDifference("Reward tier", Of(mine, id) ?? "(not in yours)", Of(stored, id) ?? "(removed)")).ToList();
    }
}

public sealed record ParticipationFigures(int Joined, int Completed, int Abandoned, int InProgress, double CompletionRate, double? AverageScore,
    IReadOnlyList<TopParticipant> Top);

public sealed record TopParticipant(Guid UserId, string Username, string? ActorName, int? Rank, int? Score, string Status);
