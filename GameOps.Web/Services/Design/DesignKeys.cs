using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

/// <summary>
/// Definitions by their business key (<c>/design/items/wpn_mithril_sword</c>): the key a designer, a game server log or a
/// quest reward uses, resolved to the row id the editor loads. Typed per kind, no reflection.
/// </summary>
public sealed class DesignKeys(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff)
{
    /// <summary>The row id of the definition of <paramref name="entityType"/> whose business key is <paramref name="key"/>; null when there is none.</summary>
    public async Task<Guid?> FindIdAsync(Type entityType, string key, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        if (entityType == typeof(Item)) return await db.Items.AsNoTracking().Where(e => e.ItemId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entityType == typeof(Quest)) return await db.Quests.AsNoTracking().Where(e => e.QuestId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entityType == typeof(CraftingRecipe)) return await db.CraftingRecipes.AsNoTracking().Where(e => e.RecipeId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entityType == typeof(SkillDefinition)) return await db.SkillDefinitions.AsNoTracking().Where(e => e.SkillId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entityType == typeof(ResourceDefinition)) return await db.ResourceDefinitions.AsNoTracking().Where(e => e.ResourceId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (entityType == typeof(Achievement)) return await db.Achievements.AsNoTracking().Where(e => e.AchievementId == key).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        return null;
    }
}
