using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

/// <summary>One definition that uses another through a JSON column (which no foreign key can see).</summary>
public sealed record UsageEntry(string Relation, string Table, string Key, string Name, string Route);

/// <summary>
/// "Where used" through JSON columns: recipes that need an item, quests, events and achievements that reward it,
/// quests and definitions that require a quest or skill. Foreign-key uses (inventories, equipment, recipe results,
/// event rewards) are counted by <see cref="ResourceStore.ReferencesAsync"/>; together they block deletes.
/// Definition tables are small, so the JSON is read and matched here, identically on both providers.
/// </summary>
public static class DesignUsage
{
    public static async Task<IReadOnlyList<UsageEntry>> OfItemAsync(GameOpsDbContext db, string itemId, CancellationToken ct = default)
    {
        var result = new List<UsageEntry>();
        var recipes = await db.CraftingRecipes.AsNoTracking().Select(r => new { r.Id, r.RecipeId, r.RequiredItems, Result = r.ResultItem.ItemId }).ToListAsync(ct);
        result.AddRange(recipes.Where(r => r.RequiredItems.Any(i => i.ItemId == itemId))
            .Select(r => new UsageEntry("Ingredient of recipe", "crafting_recipes", r.RecipeId, $"{r.RecipeId} (makes {r.Result})", $"/design/recipes/{r.Id}")));
        var quests = await db.Quests.AsNoTracking().Select(q => new { q.Id, q.QuestId, q.Title, q.Rewards }).ToListAsync(ct);
        result.AddRange(quests.Where(q => q.Rewards.Items.Any(i => i.ItemId == itemId))
            .Select(q => new UsageEntry("Reward of quest", "quests", q.QuestId, q.Title, $"/design/quests/{q.Id}")));
        var achievements = await db.Achievements.AsNoTracking().Select(a => new { a.Id, a.AchievementId, a.Name, a.Rewards, a.Requirements }).ToListAsync(ct);
        result.AddRange(achievements.Where(a => a.Rewards.Items.Any(i => i.ItemId == itemId))
            .Select(a => new UsageEntry("Reward of achievement", "achievements", a.AchievementId, a.Name, $"/design/achievements/{a.Id}")));
        result.AddRange(achievements.Where(a => a.Requirements.Any(r => r.Type is "collect" or "craft" && r.Target == itemId))
            .Select(a => new UsageEntry("Goal of achievement", "achievements", a.AchievementId, a.Name, $"/design/achievements/{a.Id}")));
        var events = await db.Events.AsNoTracking().Select(e => new { e.Id, e.EventId, e.Name, e.Rewards }).ToListAsync(ct);
        result.AddRange(events.Where(e => e.Rewards.Items.Any(i => i.ItemId == itemId))
            .Select(e => new UsageEntry("Reward of event", "events", e.EventId, e.Name, $"/liveops/events/{e.Id}")));
        var questObjectives = await db.Quests.AsNoTracking().Select(q => new { q.Id, q.QuestId, q.Title, q.Objectives }).ToListAsync(ct);
        result.AddRange(questObjectives.Where(q => q.Objectives.Any(o => o.Type is "collect" or "craft" && o.Target == itemId))
            .Select(q => new UsageEntry("Objective of quest", "quests", q.QuestId, q.Title, $"/design/quests/{q.Id}")));
        return result;
    }

    public static async Task<IReadOnlyList<UsageEntry>> OfQuestAsync(GameOpsDbContext db, string questId, CancellationToken ct = default)
    {
        var result = new List<UsageEntry>();
        var quests = await db.Quests.AsNoTracking().Select(q => new { q.Id, q.QuestId, q.Title, q.Prerequisites }).ToListAsync(ct);
        result.AddRange(quests.Where(q => q.Prerequisites.Contains(questId))
            .Select(q => new UsageEntry("Prerequisite of quest", "quests", q.QuestId, q.Title, $"/design/quests/{q.Id}")));
        var items = await db.Items.AsNoTracking().Select(i => new { i.Id, i.ItemId, i.Name, i.Requirements }).ToListAsync(ct);
        result.AddRange(items.Where(i => i.Requirements.Quests.Contains(questId))
            .Select(i => new UsageEntry("Required by item", "items", i.ItemId, i.Name, $"/design/items/{i.Id}")));
        var skills = await db.SkillDefinitions.AsNoTracking().Select(s => new { s.Id, s.SkillId, s.Name, s.Requirements }).ToListAsync(ct);
        result.AddRange(skills.Where(s => s.Requirements.Quests.Contains(questId))
            .Select(s => new UsageEntry("Required by skill", "skill_definitions", s.SkillId, s.Name, $"/design/skills/{s.Id}")));
        var achievements = await db.Achievements.AsNoTracking().Select(a => new { a.Id, a.AchievementId, a.Name, a.Requirements }).ToListAsync(ct);
        result.AddRange(achievements.Where(a => a.Requirements.Any(r => r.Type == "complete_quests" && r.Target == questId))
            .Select(a => new UsageEntry("Goal of achievement", "achievements", a.AchievementId, a.Name, $"/design/achievements/{a.Id}")));
        return result;
    }

    public static async Task<IReadOnlyList<UsageEntry>> OfSkillAsync(GameOpsDbContext db, string skillId, CancellationToken ct = default)
    {
        var result = new List<UsageEntry>();
        var items = await db.Items.AsNoTracking().Select(i => new { i.Id, i.ItemId, i.Name, i.Requirements }).ToListAsync(ct);
        result.AddRange(items.Where(i => i.Requirements.Skills.Contains(skillId))
            .Select(i => new UsageEntry("Required by item", "items", i.ItemId, i.Name, $"/design/items/{i.Id}")));
        var skills = await db.SkillDefinitions.AsNoTracking().Where(s => s.SkillId != skillId).Select(s => new { s.Id, s.SkillId, s.Name, s.Requirements }).ToListAsync(ct);
        result.AddRange(skills.Where(s => s.Requirements.Skills.Contains(skillId))
            .Select(s => new UsageEntry("Required by skill", "skill_definitions", s.SkillId, s.Name, $"/design/skills/{s.Id}")));
        var recipes = await db.CraftingRecipes.AsNoTracking().Where(r => r.RequiredSkill == skillId).Select(r => new { r.Id, r.RecipeId }).ToListAsync(ct);
        result.AddRange(recipes.Select(r => new UsageEntry("Skill of recipe", "crafting_recipes", r.RecipeId, r.RecipeId, $"/design/recipes/{r.Id}")));
        return result;
    }

    /// <summary>The JSON uses as "Used by" counts, one per relation.</summary>
    public static IReadOnlyList<ReferenceCount> Count(IEnumerable<UsageEntry> uses) =>
        uses.GroupBy(u => (u.Relation, u.Table)).Select(g => new ReferenceCount(g.Key.Table, g.Key.Relation.ToLowerInvariant() + " (JSON)", g.Count(), null)).ToList();
}
