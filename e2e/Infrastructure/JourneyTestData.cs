using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// More rows arranged straight in the database (like <see cref="TestData"/>): the quest, recipe and achievement a
/// designer then edits through the UI, and a payment a manager then finds on the revenue dashboard.
/// </summary>
public static class JourneyTestData
{
    public static Task<Quest> CreateQuestAsync(this AppServer app, string questId, string title) =>
        app.AddAsync(new Quest
        {
            Id = Guid.CreateVersion7(), QuestId = questId, Title = title, Description = "Created by the e2e tests.", QuestType = "side",
            LevelRequirement = 1, Objectives = [new QuestObjective { Type = "talk", Target = "e2e_npc", Count = 1 }],
            Rewards = new RewardBundle { Experience = 100, Gold = 10 }, IsActive = true, Version = 1,
        });

    public static Task<CraftingRecipe> CreateRecipeAsync(this AppServer app, string recipeId, Guid resultItemId) =>
        app.AddAsync(new CraftingRecipe
        {
            Id = Guid.CreateVersion7(), RecipeId = recipeId, ResultItemId = resultItemId, ResultQuantity = 1, RequiredLevel = 1,
            CraftingTime = 10, SuccessRate = 1,
        });

    public static Task<Achievement> CreateAchievementAsync(this AppServer app, string achievementId, string name) =>
        app.AddAsync(new Achievement
        {
            Id = Guid.CreateVersion7(), AchievementId = achievementId, Name = name, Description = "Created by the e2e tests.", Category = "e2e",
            Points = 10, Requirements = [new AchievementRequirement { Type = "reach_level", Count = 5 }], IsActive = true,
        });

    /// <summary>A completed payment by any player, completed at <paramref name="completedAt"/>.</summary>
    public static async Task<PaymentTransaction> CreatePaymentAsync(this AppServer app, string transactionId, string sku, decimal amountUsd, DateTime completedAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var playerId = await db.Players.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync();
        var payment = new PaymentTransaction
        {
            Id = Guid.CreateVersion7(), TransactionId = transactionId, UserId = playerId, Amount = amountUsd, Currency = "USD", AmountUsd = amountUsd,
            ProductSku = sku, ProductName = "E2E product", Quantity = 1, Provider = "e2e", ProviderTransactionId = transactionId, Status = "completed",
            CreatedAt = completedAt.AddMinutes(-1), CompletedAt = completedAt,
        };
        db.Add(payment);
        await db.SaveChangesAsync();
        return payment;
    }

    /// <summary>Reads rows of <typeparamref name="T"/> matching <paramref name="filter"/> (no tracking).</summary>
    public static async Task<List<T>> QueryAsync<T>(this AppServer app, System.Linq.Expressions.Expression<Func<T, bool>> filter) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        return await db.Set<T>().AsNoTracking().Where(filter).ToListAsync();
    }

    static async Task<T> AddAsync<T>(this AppServer app, T entity) where T : class
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        if (entity is ICreatedAt created) created.CreatedAt = now;
        if (entity is IUpdatedAt updated) updated.UpdatedAt = now;
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}
