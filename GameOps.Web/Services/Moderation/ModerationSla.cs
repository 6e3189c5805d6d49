using System.Linq.Expressions;
using GameOps.Data.Entities;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// The <c>Moderation</c> section of appsettings.json. <c>Sla:PriorityHours</c> gives the time to handle a report per
/// priority (urgent, normal, low); <c>Sla:CategoryHours</c> can make a category stricter (e.g. cheating in 12 h). A
/// report's SLA is the shorter of the two. Values that are missing or not positive fall back to the defaults.
/// </summary>
public sealed class ModerationOptions
{
    public SlaOptions Sla { get; set; } = new();

    public sealed class SlaOptions
    {
        public Dictionary<string, double> PriorityHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, double> CategoryHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>The queue's service-level targets, resolved from <see cref="ModerationOptions"/>.</summary>
public sealed class ModerationSla
{
    public static readonly IReadOnlyDictionary<int, TimeSpan> DefaultByPriority = new Dictionary<int, TimeSpan>
    {
        [1] = TimeSpan.FromHours(4),
        [2] = TimeSpan.FromHours(24),
        [3] = TimeSpan.FromHours(72),
    };

    public IReadOnlyDictionary<int, TimeSpan> ByPriority { get; }
    public IReadOnlyDictionary<string, TimeSpan> ByCategory { get; }

    public ModerationSla(ModerationOptions? options = null)
    {
        var sla = options?.Sla ?? new ModerationOptions.SlaOptions();
        ByPriority = DefaultByPriority.ToDictionary(p => p.Key,
            p => sla.PriorityHours.TryGetValue(ModerationFormat.Priority(p.Key), out var hours) && hours > 0 ? TimeSpan.FromHours(hours) : p.Value);
        ByCategory = sla.CategoryHours.Where(c => c.Value > 0).ToDictionary(c => c.Key.ToLowerInvariant(), c => TimeSpan.FromHours(c.Value));
    }

    /// <summary>The time a report of this priority and category may wait: the stricter of the two targets.</summary>
    public TimeSpan For(int priority, string category)
    {
        var byPriority = ByPriority.TryGetValue(priority, out var p) ? p : ByPriority[2];
        return ByCategory.TryGetValue(category, out var c) && c < byPriority ? c : byPriority;
    }

    public bool IsOver(ReportQueueRow row, DateTime now) => row.Status is "open" or "in_review" && now - row.CreatedAt > For(row.Priority, row.Category);

    /// <summary>"created before its SLA cut-off", as SQL: one comparison per priority and per category target.</summary>
    public Expression<Func<PlayerReport, bool>> OverSla(DateTime now)
    {
        var r = Expression.Parameter(typeof(PlayerReport), "r");
        var created = Expression.Property(r, nameof(PlayerReport.CreatedAt));
        var priority = Expression.Property(r, nameof(PlayerReport.Priority));
        Expression Older(TimeSpan sla) => Expression.LessThan(created, Expression.Constant(now - sla));
        // Priorities outside 1–3 count as normal (see For).
        Expression over = Expression.AndAlso(
            Expression.Not(Expression.Call(Expression.Constant(ByPriority.Keys.ToList()), typeof(List<int>).GetMethod(nameof(List<int>.Contains))!, priority)),
            Older(ByPriority[2]));
        foreach (var (p, sla) in ByPriority)
            over = Expression.OrElse(over, Expression.AndAlso(Expression.Equal(priority, Expression.Constant(p)), Older(sla)));
        foreach (var (category, sla) in ByCategory)
            over = Expression.OrElse(over, Expression.AndAlso(Expression.Equal(Expression.Property(r, nameof(PlayerReport.Category)), Expression.Constant(category)), Older(sla)));
        return Expression.Lambda<Func<PlayerReport, bool>>(over, r);
    }

    /// <summary>"urgent 4 h · normal 24 h · low 72 h · cheating 12 h".</summary>
    public string Describe() => string.Join(" · ", ByPriority.OrderBy(p => p.Key).Select(p => $"{ModerationFormat.Priority(p.Key)} {Hours(p.Value)}")
        .Concat(ByCategory.OrderBy(c => c.Key).Select(c => $"{ModerationFormat.Words(c.Key)} {Hours(c.Value)}")));

    public static string Hours(TimeSpan span) => span.TotalHours >= 48 && span.TotalHours % 24 == 0 ? $"{span.TotalDays:0} d" : $"{span.TotalHours:0.#} h";
}
