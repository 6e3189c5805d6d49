using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

/// <summary>Definition workflows that are not plain edits: cloning a definition as an inactive copy.</summary>
public sealed class DesignDefinitionService(IDbContextFactory<GameOpsDbContext> contextFactory, ResourceStore store, CurrentStaff currentStaff)
{
    /// <summary>Copies the row under a free key (<c>key_copy</c>, <c>key_copy2</c>…), inactive, as version 1; validated and audited like any new row.</summary>
    public async Task<SaveResult> CloneAsync(ResourceDescription resource, Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignWrite);
        var entity = await store.LoadAsync(resource, id, ct);
        if (entity is null) return SaveResult.Error("This row no longer exists.", SaveOutcome.NotFound);
        resource.IdField.SetValue(entity, Guid.CreateVersion7());
        if (resource.BusinessKey is { } keyName)
        {
            var keyField = resource.Field(keyName);
            var original = (string)keyField.GetValue(entity)!;
            var taken = await TakenKeysAsync(resource, keyName, original + "_copy", ct);
            var candidate = original + "_copy";
            for (var n = 2; taken.Contains(candidate); n++) candidate = $"{original}_copy{n}";
            if (keyField.MaxLength is { } max && candidate.Length > max) return SaveResult.Error($"The copy's key {candidate} would be longer than {max} characters.");
            keyField.SetValue(entity, candidate);
        }
        if (resource.DisplayField != resource.BusinessKey && resource.FindField(resource.DisplayField) is { ClrType: var t } display && t == typeof(string))
            display.SetValue(entity, display.GetValue(entity) + " (copy)");
        if (entity is IActivatable activatable) activatable.IsActive = false;
        if (entity is IVersioned versioned) versioned.Version = 0;
        return await store.SaveAsync(resource, entity, isNew: true, originalToken: null, ct: ct);
    }

    /// <summary>Uses through JSON columns (recipes, rewards, prerequisites…) with links; foreign-key uses are counted by the edit shell.</summary>
    public async Task<IReadOnlyList<UsageEntry>> UsageAsync(object entity, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return entity switch
        {
            Data.Entities.Item item => await DesignUsage.OfItemAsync(db, item.ItemId, ct),
            Data.Entities.Quest quest => await DesignUsage.OfQuestAsync(db, quest.QuestId, ct),
            Data.Entities.SkillDefinition skill => await DesignUsage.OfSkillAsync(db, skill.SkillId, ct),
            _ => [],
        };
    }

    Task<HashSet<string>> TakenKeysAsync(ResourceDescription resource, string keyName, string prefix, CancellationToken ct) =>
        resource.Accept(new TakenKeysVisitor(this, keyName, prefix, ct));

    sealed class TakenKeysVisitor(DesignDefinitionService definitions, string keyName, string prefix, CancellationToken ct) : IResourceVisitor<Task<HashSet<string>>>
    {
        public Task<HashSet<string>> Visit<T>(ResourceDescription<T> resource) where T : class, new() => definitions.TakenKeysCoreAsync<T>(keyName, prefix, ct);
    }

    async Task<HashSet<string>> TakenKeysCoreAsync<T>(string keyName, string prefix, CancellationToken ct) where T : class
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var keys = await db.Set<T>().AsNoTracking().Select(e => EF.Property<string>(e, keyName)).Where(k => k.StartsWith(prefix)).ToListAsync(ct);
        return [.. keys];
    }
}
