using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Design.Editors;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>Every typed JSON editor with valid and invalid input: invalid input is shown at the field and blocks saving (an error on the edit state).</summary>
public sealed class TypedEditorTests
{
    sealed class Harness : IAsyncDisposable
    {
        public required BunitContext Context { get; init; }
        public required TestDatabase Database { get; init; }
        public required ResourceCatalog Catalog { get; init; }
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    static async Task<Harness> ArrangeAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db, NewItem("herb"), NewQuest("q_intro"));
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddGameOpsWebData(db);
        return new Harness { Context = ctx, Database = db, Catalog = ctx.Services.GetRequiredService<ResourceCatalog>() };
    }

    /// <summary>Renders the typed field of <paramref name="field"/> with <typeparamref name="TEditor"/> inside, as the detail pages do.</summary>
    static IRenderedComponent<TypedJsonField> Render<TEditor>(Harness h, EditState state, string field, object value, params (string Name, object Value)[] extra) where TEditor : IComponent
    {
        var resource = state.Resource;
        return h.Context.Render<TypedJsonField>(p => p
            .Add(x => x.Field, resource.Field(field))
            .Add(x => x.State, state)
            .Add(x => x.ChildContent, host => builder =>
            {
                builder.OpenComponent<TEditor>(0);
                builder.AddAttribute(1, "Value", value);
                if (typeof(TEditor) == typeof(KeyListEditor)) builder.AddAttribute(2, "OnChange", EventCallback.Factory.Create(host, host.ChangedAsync));
                else builder.AddAttribute(2, "Host", host);
                builder.AddMultipleAttributes(3, extra.Select(e => KeyValuePair.Create(e.Name, e.Value)));
                builder.CloseComponent();
            }));
    }

    static void Change(IRenderedComponent<TypedJsonField> cut, string testId, string value, int index = 0) =>
        cut.FindAll($"[data-testid={testId}] input, input[data-testid={testId}]")[index].Change(value);

    [Fact]
    public async Task Effects_editor_accepts_valid_rows_and_flags_a_chance_above_one()
    {
        await using var h = await ArrangeAsync();
        var item = NewItem("sword");
        var state = new EditState(h.Catalog.For<Item>(), item, isNew: false);
        var cut = Render<EffectsEditor>(h, state, nameof(Item.Effects), item.Effects);

        cut.Find("[data-testid=effect-add]").Click();
        Assert.Equal(2, cut.FindAll("[data-testid=effect-row]").Count);
        Change(cut, "effect-amount", "7", 1);
        Assert.Equal(7, item.Effects[1].Amount);
        Assert.Contains("#2 target: Required.", state.Errors[nameof(Item.Effects)]); // a new effect needs its target before it can be saved
        Change(cut, "effect-target", "strength", 1);
        Assert.Empty(state.Errors);
        Assert.True(state.IsDirty);

        Change(cut, "effect-chance", "1.5");
        Assert.True(state.Errors.ContainsKey(nameof(Item.Effects)));
        Assert.Contains("#1 chance", cut.Find("[data-testid=error-Effects]").TextContent);
        Assert.Contains("mud-input-error", cut.Markup); // the chance input itself is marked

        Change(cut, "effect-chance", "0.5");
        Assert.Empty(state.Errors);
    }

    [Fact]
    public async Task Raw_json_is_one_click_away_and_checked_against_the_schema()
    {
        await using var h = await ArrangeAsync();
        var item = NewItem("sword");
        var state = new EditState(h.Catalog.For<Item>(), item, isNew: false);
        var cut = Render<EffectsEditor>(h, state, nameof(Item.Effects), item.Effects);

        cut.Find("input[data-testid=raw-Effects], [data-testid=raw-Effects] input").Change(true);
        Assert.Contains("stat_bonus", cut.Markup);
        // Each edit re-renders the editor, so the textarea is found afresh (inside the renderer) before every input.
        Task TypeAsync(string json) => cut.InvokeAsync(() => cut.Find("textarea[data-testid=field-Effects], [data-testid=field-Effects] textarea").Input(json));

        await TypeAsync("""[{"type": "explode", "amount": 1}]""");
        cut.WaitForAssertion(() => Assert.True(state.Errors.ContainsKey(nameof(Item.Effects))), TimeSpan.FromSeconds(3));
        Assert.Contains("#1 type", state.Errors[nameof(Item.Effects)]);

        await TypeAsync("""[{"type": "heal", "target": "health", "amount": 12}]""");
        cut.WaitForAssertion(() => Assert.Empty(state.Errors), TimeSpan.FromSeconds(3));
        Assert.Equal("heal", item.Effects.Single().Type);

        await TypeAsync("[{");
        cut.WaitForAssertion(() => Assert.True(state.Errors.ContainsKey(nameof(Item.Effects))), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Objectives_editor_flags_a_zero_count()
    {
        await using var h = await ArrangeAsync();
        var quest = NewQuest("q_wolves");
        var state = new EditState(h.Catalog.For<Quest>(), quest, isNew: false);
        var cut = Render<ObjectivesEditor>(h, state, nameof(Quest.Objectives), quest.Objectives);

        Change(cut, "objective-count", "5");
        Assert.Equal(5, quest.Objectives[0].Count);
        Assert.Empty(state.Errors);
        Change(cut, "objective-count", "0");
        Assert.Contains("#1 count", state.Errors[nameof(Quest.Objectives)]);
        Change(cut, "objective-target", "");
        Assert.Contains("#1 target", state.Errors[nameof(Quest.Objectives)]);
    }

    [Fact]
    public async Task Rewards_editor_takes_experience_and_flags_negative_gold_and_zero_quantities()
    {
        await using var h = await ArrangeAsync();
        var quest = NewQuest("q_wolves");
        var state = new EditState(h.Catalog.For<Quest>(), quest, isNew: false);
        var cut = Render<RewardsEditor>(h, state, nameof(Quest.Rewards), quest.Rewards);

        Change(cut, "reward-experience", "250");
        Assert.Equal(250, quest.Rewards.Experience);
        Assert.Empty(state.Errors);
        Change(cut, "reward-gold", "-5");
        Assert.Contains("gold", state.Errors[nameof(Quest.Rewards)]);
        Change(cut, "reward-gold", "5");
        cut.Find("[data-testid=reward-items-add]").Click();
        Assert.Contains("items #1", state.Errors[nameof(Quest.Rewards)]); // no item chosen yet
        quest.Rewards.Items[0].ItemId = "herb";
        Change(cut, "reward-items-quantity", "0");
        Assert.Contains("items #1 quantity", state.Errors[nameof(Quest.Rewards)]);
        Change(cut, "reward-items-quantity", "3");
        Assert.Empty(state.Errors);
    }

    [Fact]
    public async Task Requirements_editor_takes_levels_and_stats_and_flags_bad_ones()
    {
        await using var h = await ArrangeAsync();
        var item = NewItem("sword");
        var state = new EditState(h.Catalog.For<Item>(), item, isNew: false);
        var cut = Render<RequirementsEditor>(h, state, nameof(Item.Requirements), item.Requirements);

        Change(cut, "req-min-level", "10");
        Change(cut, "req-stats", "strength=12, agility=4");
        Change(cut, "req-classes", "warrior, paladin");
        Assert.Equal(10, item.Requirements.MinLevel);
        Assert.Equal(12, item.Requirements.Stats["strength"]);
        Assert.Equal(["warrior", "paladin"], item.Requirements.Classes);
        Assert.Empty(state.Errors);

        Change(cut, "req-max-level", "5");
        Assert.Contains("below min level", state.Errors[nameof(Item.Requirements)]);
        Change(cut, "req-max-level", "20");
        Assert.Empty(state.Errors);
        Change(cut, "req-stats", "strength=lots");
        Assert.Contains("strength=lots", state.Errors[nameof(Item.Requirements)]);
    }

    [Fact]
    public async Task Recipe_ingredients_editor_flags_zero_quantity()
    {
        await using var h = await ArrangeAsync();
        var recipe = NewRecipe("brew", NewItem("potion"), ("herb", 2));
        var state = new EditState(h.Catalog.For<CraftingRecipe>(), recipe, isNew: false);
        var cut = Render<ItemQuantitiesEditor>(h, state, nameof(CraftingRecipe.RequiredItems), recipe.RequiredItems, ("TestId", "ingredients"));

        Change(cut, "ingredients-quantity", "4");
        Assert.Equal(4, recipe.RequiredItems[0].Quantity);
        Assert.Empty(state.Errors);
        Change(cut, "ingredients-quantity", "0");
        Assert.Contains("#1 quantity", state.Errors[nameof(CraftingRecipe.RequiredItems)]);
        cut.Find("[data-testid=ingredients-remove]").Click();
        Assert.Empty(recipe.RequiredItems);
        Assert.Empty(state.Errors);
    }

    [Fact]
    public async Task Achievement_requirements_editor_flags_zero_count()
    {
        await using var h = await ArrangeAsync();
        var achievement = new Achievement { Id = Guid.NewGuid(), AchievementId = "a", Name = "A", Requirements = [new AchievementRequirement { Type = "reach_level", Count = 10 }] };
        var state = new EditState(h.Catalog.For<Achievement>(), achievement, isNew: false);
        var cut = Render<AchievementRequirementsEditor>(h, state, nameof(Achievement.Requirements), achievement.Requirements);

        Change(cut, "achievement-requirement-count", "20");
        Assert.Equal(20, achievement.Requirements[0].Count);
        Assert.Empty(state.Errors);
        Change(cut, "achievement-requirement-count", "0");
        Assert.Contains("#1 count", state.Errors[nameof(Achievement.Requirements)]);
    }

    [Fact]
    public async Task Prerequisites_editor_lists_chips_removes_and_raw_duplicates_are_flagged()
    {
        await using var h = await ArrangeAsync();
        var quest = NewQuest("q_next", "q_intro", "q_other");
        var state = new EditState(h.Catalog.For<Quest>(), quest, isNew: false);
        var cut = Render<KeyListEditor>(h, state, nameof(Quest.Prerequisites), quest.Prerequisites,
            ("Entity", typeof(Quest)), ("KeyField", nameof(Quest.QuestId)), ("TestId", "prerequisites"));

        Assert.Equal(2, cut.FindAll("[data-testid=prerequisites-chip]").Count);
        cut.FindAll("[data-testid=prerequisites-chip] .mud-chip-close-button, [data-testid=prerequisites-chip] button")[0].Click();
        Assert.Equal(["q_other"], quest.Prerequisites);
        Assert.Empty(state.Errors);

        cut.Find("input[data-testid=raw-Prerequisites], [data-testid=raw-Prerequisites] input").Change(true);
        cut.Find("textarea[data-testid=field-Prerequisites], [data-testid=field-Prerequisites] textarea").Input("""["q_intro", "q_intro"]""");
        cut.WaitForAssertion(() => Assert.True(state.Errors.ContainsKey(nameof(Quest.Prerequisites))), TimeSpan.FromSeconds(3));
    }
}
