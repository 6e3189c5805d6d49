using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

/// <summary>
/// The rules the database cannot express for designers' definitions: referenced keys exist (a warning when they
/// are inactive), no cycles in quest prerequisites or recipe chains, a recipe never needs its own result, sane
/// ranges. Run by the save path (see <c>DesignResources</c>) and by imports.
/// </summary>
public static class DesignIntegrity
{
    // ---------- JSON shapes ----------

    /// <summary>Every typed JSON column of the resource checked against its schema.</summary>
    public static IEnumerable<ValidationIssue> SchemaIssues(ResourceDescription resource, object entity)
    {
        foreach (var field in resource.Fields.Where(f => f.Kind == FieldKind.Json && DesignSchemas.Covers(f.ClrType)))
        {
            var problems = DesignSchemas.CheckValue(field.ClrType, field.GetValue(entity));
            if (problems.Count > 0) yield return new ValidationIssue(field.Name, $"{field.Label}: {DesignSchemas.Describe(problems)}");
        }
    }

    // ---------- per definition ----------

    public static async Task<IReadOnlyList<ValidationIssue>> CheckItemAsync(GameOpsDbContext db, Item item, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        if (DesignSchemas.Check(typeof(string), item.Properties).Count == 0)
            foreach (var problem in ItemPropertySchemas.Check(item.ItemType, item.Properties))
                issues.Add(new ValidationIssue(nameof(Item.Properties), $"Properties of a {item.ItemType}: {problem}"));
        await CheckRequirementsAsync(db, item.Requirements, nameof(Item.Requirements), issues, ct, selfSkill: null);
        if (item.Requirements.MinLevel is { } min && min > item.LevelRequirement && item.LevelRequirement > 0)
            issues.Add(new ValidationIssue(nameof(Item.Requirements), $"Requirements ask for level {min}, above the item's level requirement {item.LevelRequirement}.", IsWarning: true));
        return issues;
    }

    public static async Task<IReadOnlyList<ValidationIssue>> CheckSkillAsync(GameOpsDbContext db, SkillDefinition skill, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        await CheckRequirementsAsync(db, skill.Requirements, nameof(SkillDefinition.Requirements), issues, ct, selfSkill: skill.SkillId);
        return issues;
    }

    public static async Task<IReadOnlyList<ValidationIssue>> CheckQuestAsync(GameOpsDbContext db, Quest quest, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        if (quest.Prerequisites.Contains(quest.QuestId))
            issues.Add(new ValidationIssue(nameof(Quest.Prerequisites), "A quest cannot be its own prerequisite."));
        await CheckKeysAsync(db.Quests.Where(q => q.Id != quest.Id).Select(q => new KeyState { Key = q.QuestId, IsActive = q.IsActive }), quest.Prerequisites.Where(p => p != quest.QuestId), "quest", nameof(Quest.Prerequisites), issues, ct);
        await CheckRewardsAsync(db, quest.Rewards, nameof(Quest.Rewards), issues, ct);
        if (!string.IsNullOrEmpty(quest.ZoneId))
            await CheckKeysAsync(db.WorldZones.Select(z => new KeyState { Key = z.ZoneId, IsActive = z.IsActive }), [quest.ZoneId], "zone", nameof(Quest.ZoneId), issues, ct);
        if (quest.IsRepeatable && quest.Cooldown is null or 0 && quest.QuestType is "daily" or "weekly")
            issues.Add(new ValidationIssue(nameof(Quest.Cooldown), $"A repeatable {quest.QuestType} quest usually has a cooldown.", IsWarning: true));

        // Cycles: the saved graph with this quest's prerequisites replaced by the edited ones.
        var graph = await db.Quests.AsNoTracking().Where(q => q.Id != quest.Id).Select(q => new { q.QuestId, q.Prerequisites }).ToListAsync(ct);
        var edges = graph.GroupBy(q => q.QuestId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.First().Prerequisites);
        edges[quest.QuestId] = quest.Prerequisites;
        if (FindCycle(quest.QuestId, k => edges.GetValueOrDefault(k) ?? []) is { } cycle)
            issues.Add(new ValidationIssue(nameof(Quest.Prerequisites), "Prerequisites form a cycle: " + string.Join(" → ", cycle) + "."));
        return issues;
    }

    public static async Task<IReadOnlyList<ValidationIssue>> CheckRecipeAsync(GameOpsDbContext db, CraftingRecipe recipe, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        if (recipe.SuccessRate is < 0 or > 1)
            issues.Add(new ValidationIssue(nameof(CraftingRecipe.SuccessRate), "Success rate must be between 0 and 1."));
        if (recipe.RequiredItems.Count == 0)
            issues.Add(new ValidationIssue(nameof(CraftingRecipe.RequiredItems), "A recipe needs at least one ingredient."));
        foreach (var dup in recipe.RequiredItems.GroupBy(r => r.ItemId).Where(g => g.Count() > 1))
            issues.Add(new ValidationIssue(nameof(CraftingRecipe.RequiredItems), $"Ingredient {dup.Key} is listed {dup.Count()} times; use one row with the total quantity."));
        var result = await db.Items.AsNoTracking().Where(i => i.Id == recipe.ResultItemId).Select(i => new KeyState { Key = i.ItemId, IsActive = i.IsActive }).FirstOrDefaultAsync(ct);
        if (result is null) issues.Add(new ValidationIssue(nameof(CraftingRecipe.ResultItemId), "Choose the item this recipe makes."));
        else
        {
            if (!result.IsActive) issues.Add(new ValidationIssue(nameof(CraftingRecipe.ResultItemId), $"The result item {result.Key} is inactive.", IsWarning: true));
            if (recipe.RequiredItems.Any(r => r.ItemId == result.Key))
                issues.Add(new ValidationIssue(nameof(CraftingRecipe.RequiredItems), $"A recipe cannot need its own result ({result.Key})."));
        }
        await CheckKeysAsync(db.Items.Select(i => new KeyState { Key = i.ItemId, IsActive = i.IsActive }), recipe.RequiredItems.Select(r => r.ItemId), "item", nameof(CraftingRecipe.RequiredItems), issues, ct);
        if (!string.IsNullOrEmpty(recipe.RequiredSkill))
            await CheckKeysAsync(db.SkillDefinitions.Select(s => new KeyState { Key = s.SkillId, IsActive = s.IsActive }), [recipe.RequiredSkill], "skill", nameof(CraftingRecipe.RequiredSkill), issues, ct);

        // Recipe chains: ingredient → result; a cycle means an item is (indirectly) made from itself.
        if (result is not null && !issues.Any(i => !i.IsWarning && i.Field == nameof(CraftingRecipe.RequiredItems)))
        {
            var others = await db.CraftingRecipes.AsNoTracking().Where(r => r.Id != recipe.Id)
                .Select(r => new { Result = r.ResultItem.ItemId, r.RequiredItems }).ToListAsync(ct);
            var makes = new Dictionary<string, HashSet<string>>();
            void Edge(string from, string to) { if (!makes.TryGetValue(from, out var set)) makes[from] = set = []; set.Add(to); }
            foreach (var other in others) foreach (var ingredient in other.RequiredItems) Edge(ingredient.ItemId, other.Result);
            foreach (var ingredient in recipe.RequiredItems) Edge(ingredient.ItemId, result.Key);
            if (FindCycle(result.Key, k => makes.GetValueOrDefault(k) ?? []) is { } cycle)
                issues.Add(new ValidationIssue(nameof(CraftingRecipe.RequiredItems), "Recipe chain forms a cycle (each item is made from the next): " + string.Join(" → ", cycle) + "."));
        }
        return issues;
    }

    public static async Task<IReadOnlyList<ValidationIssue>> CheckAchievementAsync(GameOpsDbContext db, Achievement achievement, CancellationToken ct)
    {
        var issues = new List<ValidationIssue>();
        if (achievement.Requirements.Count == 0)
            issues.Add(new ValidationIssue(nameof(Achievement.Requirements), "An achievement needs at least one requirement."));
        await CheckRewardsAsync(db, achievement.Rewards, nameof(Achievement.Rewards), issues, ct);
        // complete_quests names a quest, or a zone (every quest of it); craft names an item, or a crafting skill (anything it makes).
        var zones = await db.WorldZones.AsNoTracking().Select(z => z.ZoneId).ToListAsync(ct);
        var skills = await db.SkillDefinitions.AsNoTracking().Select(k => k.SkillId).ToListAsync(ct);
        var quests = achievement.Requirements.Where(r => r.Type == "complete_quests" && !string.IsNullOrEmpty(r.Target) && !zones.Contains(r.Target!)).Select(r => r.Target!);
        await CheckKeysAsync(db.Quests.Select(q => new KeyState { Key = q.QuestId, IsActive = q.IsActive }), quests, "quest", nameof(Achievement.Requirements), issues, ct);
        var items = achievement.Requirements.Where(r => r.Type is "collect" or "craft" && !string.IsNullOrEmpty(r.Target) && !(r.Type == "craft" && skills.Contains(r.Target!))).Select(r => r.Target!);
        await CheckKeysAsync(db.Items.Select(i => new KeyState { Key = i.ItemId, IsActive = i.IsActive }), items, "item", nameof(Achievement.Requirements), issues, ct);
        return issues;
    }

    // ---------- shared pieces ----------

    public sealed class KeyState { public required string Key { get; init; } public bool IsActive { get; init; } }

    static async Task CheckRequirementsAsync(GameOpsDbContext db, Requirements requirements, string field, List<ValidationIssue> issues, CancellationToken ct, string? selfSkill)
    {
        if (requirements.MinLevel is { } min && requirements.MaxLevel is { } max && min > max)
            issues.Add(new ValidationIssue(field, $"Minimum level {min} is above maximum level {max}."));
        if (selfSkill is not null && requirements.Skills.Contains(selfSkill))
            issues.Add(new ValidationIssue(field, "A skill cannot require itself."));
        await CheckKeysAsync(db.SkillDefinitions.Select(s => new KeyState { Key = s.SkillId, IsActive = s.IsActive }), requirements.Skills.Where(s => s != selfSkill), "skill", field, issues, ct);
        await CheckKeysAsync(db.Quests.Select(q => new KeyState { Key = q.QuestId, IsActive = q.IsActive }), requirements.Quests, "quest", field, issues, ct);
    }

    static async Task CheckRewardsAsync(GameOpsDbContext db, RewardBundle rewards, string field, List<ValidationIssue> issues, CancellationToken ct)
    {
        if (rewards.Experience < 0 || rewards.Gold < 0) issues.Add(new ValidationIssue(field, "Experience and gold rewards cannot be negative."));
        if (rewards.Items.Any(i => i.Quantity < 1)) issues.Add(new ValidationIssue(field, "Every reward item needs a quantity of at least 1."));
        await CheckKeysAsync(db.Items.Select(i => new KeyState { Key = i.ItemId, IsActive = i.IsActive }), rewards.Items.Select(i => i.ItemId), "item", field, issues, ct);
    }

    /// <summary>Unknown keys are errors; inactive ones are warnings.</summary>
    static async Task CheckKeysAsync(IQueryable<KeyState> source, IEnumerable<string> wanted, string noun, string field, List<ValidationIssue> issues, CancellationToken ct)
    {
        var keys = wanted.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList();
        if (keys.Count == 0) return;
        var found = await source.AsNoTracking().Where(k => keys.Contains(k.Key)).ToListAsync(ct);
        var missing = keys.Where(k => found.All(f => f.Key != k)).ToList();
        if (missing.Count > 0)
            issues.Add(new ValidationIssue(field, $"Unknown {noun}{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}."));
        var inactive = found.Where(f => !f.IsActive).Select(f => f.Key).ToList();
        if (inactive.Count > 0)
            issues.Add(new ValidationIssue(field, $"Inactive {noun}{(inactive.Count > 1 ? "s" : "")}: {string.Join(", ", inactive)}.", IsWarning: true));
    }

    /// <summary>A path start → … → start following <paramref name="next"/>, or null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(string start, Func<string, IEnumerable<string>> next)
    {
        var visited = new HashSet<string>();
        var path = new List<string> { start };
        bool Walk(string node)
        {
            foreach (var n in next(node))
            {
                if (n == start) { path.Add(n); return true; }
                if (!visited.Add(n)) continue;
                path.Add(n);
                if (Walk(n)) return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
        return Walk(start) ? path : null;
    }
}
