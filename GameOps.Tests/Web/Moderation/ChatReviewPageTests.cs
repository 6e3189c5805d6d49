using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Moderation;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The chat review page rendered with bUnit on a real SQLite database.</summary>
public sealed class ChatReviewPageTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opening_a_message_shows_its_conversation_as_text_and_selected_messages_are_deleted_with_a_reason()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var ctx = ModerationPageTests.NewContext(db, world.Alice);
        var page = ctx.Render<ChatReview>(p => p.Add(c => c.MessageId, world.Reported.Id));

        // The message in context, and the channel's messages below it: chat text is text, never markup.
        await page.WaitForAssertionAsync(() => Assert.Equal(11, page.FindAll("[data-testid=chat-row]").Count), Wait);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; you are trash", page.Find("[data-testid=chat-context] [data-testid=chat-reported]").InnerHtml);
        Assert.Equal(10, page.FindAll("[data-testid=chat-context] [data-testid=chat-line]").Count);
        var reportedRow = page.Find($"[data-testid=chat-row][data-message-id=\"{world.Reported.Id}\"] [data-testid=chat-content]");
        Assert.Equal("<script>alert('x')</script> you are trash", reportedRow.TextContent);
        Assert.Empty(page.FindAll("script"));

        // Without a reason nothing changes.
        SelectRow(page, world.Conversation[1].Id);
        SelectRow(page, world.Conversation[2].Id);
        await page.WaitForAssertionAsync(() => Assert.Equal("2 selected", page.Find("[data-testid=chat-selected-count]").TextContent.Trim()), Wait);
        await page.Find("[data-testid=chat-delete]").ClickAsync(new MouseEventArgs());
        await page.WaitForAssertionAsync(() => Assert.Contains("A reason is required.", page.Find("[data-testid=chat-message]").TextContent), Wait);

        await page.Find("input[data-testid=chat-reason]").InputAsync(new ChangeEventArgs { Value = "Spam wave" });
        await page.Find("[data-testid=chat-delete]").ClickAsync(new MouseEventArgs());
        await page.WaitForAssertionAsync(() => Assert.Contains("2 message(s) deleted.", page.Find("[data-testid=chat-message]").TextContent), Wait);
        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=chat-row][data-deleted=true]").Count), Wait);
        Assert.Equal(2, page.FindAll("[data-testid=chat-deleted-chip]").Count);
        Assert.All(page.FindAll("[data-testid=chat-moderation-note]"), n => Assert.Contains("Spam wave", n.TextContent));

        await using var check = db.CreateContext();
        Assert.Equal(2, await check.ChatMessages.CountAsync(m => m.IsDeleted, Ct));
    }

    [Fact]
    public async Task A_role_without_moderation_read_gets_no_chat_from_the_service_behind_the_page()
    {
        // No role reads chat without acting on it any more; a Manager reaching the page's service is refused there, not only by the route.
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var ctx = ModerationPageTests.NewContext(db, world.Alice, StaffRoles.Manager);
        ctx.Services.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Manager), "127.0.0.1", "tests");
        var chat = ctx.Services.GetRequiredService<GameOps.Web.Services.Moderation.ChatReviewService>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.ContextAsync(world.Reported.Id, cancellationToken: Xunit.TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.SearchAsync(new GameOps.Web.Services.Moderation.ChatSearch { Text = "trash" }, Xunit.TestContext.Current.CancellationToken));
    }

    static void SelectRow(IRenderedComponent<ChatReview> page, Guid id) =>
        page.Find($"[data-testid=chat-row][data-message-id=\"{id}\"] input[type=checkbox]").Change(true);
}
