using System.Linq.Expressions;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

public sealed record ChannelRow(Guid Id, string ChannelKey, string Name, string ChannelType, bool IsActive, int Members, int Messages, DateTime? LastMessageAt);

public sealed record ChatSearch
{
    public Guid? ChannelId { get; init; }
    public Guid? UserId { get; init; }
    /// <summary>Username prefix; resolved to at most <see cref="ChatReviewService.MaxPrefixUsers"/> players first.</summary>
    public string? UserPrefix { get; init; }
    /// <summary>Full-text search in web-search syntax (see <see cref="TextSearch"/>).</summary>
    public string? Text { get; init; }
    /// <summary>Newest first (keyset paging with <see cref="Before"/>) or, with <see cref="Text"/>, best match first among the newest <see cref="TextSearch.MaxRankedMatches"/> matches (offset paging with <see cref="Page"/>).</summary>
    public ChatOrder Order { get; init; }
    /// <summary>Newest-first paging: the rows older than this one (the previous page's <see cref="ChatSearchPage.Next"/>); <see cref="Page"/> is then ignored.</summary>
    public ChatCursor? Before { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    /// <summary>null: all messages; true: deleted only; false: hide deleted.</summary>
    public bool? Deleted { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

public sealed record ChatHit(Guid Id, string MessageId, Guid ChannelId, string ChannelName, Guid UserId, string Username, string Content, string MessageType,
    bool IsDeleted, DateTime? DeletedAt, string? ModerationNote, DateTime CreatedAt);

public enum ChatOrder { Newest, BestMatch }

/// <summary>A position in the newest-first order.</summary>
public sealed record ChatCursor(DateTime CreatedAt, Guid Id);

/// <summary>
/// One page of search results. There is no total: counting millions of rows costs more than the page. <see cref="Next"/> is the
/// cursor of the following page (newest first); <see cref="Highlight"/> the searched words, to mark in the rows.
/// </summary>
public sealed record ChatSearchPage(IReadOnlyList<ChatHit> Rows, bool HasMore, string? Notice, DateTime? EffectiveFrom, DateTime? EffectiveTo)
{
    public ChatCursor? Next { get; init; }
    public IReadOnlySet<string>? Highlight { get; init; }
}

public sealed record ChatContext(ChatHit Message, IReadOnlyList<ChatLine> Before, IReadOnlyList<ChatLine> After);

/// <summary>
/// Chat review: channels, message search and soft delete/restore. Filters use the <c>(channel_id, created_at)</c>,
/// <c>(user_id, created_at)</c> and <c>created_at</c> indexes; text goes through the full-text index (<see cref="TextSearch"/>:
/// PostgreSQL GIN over the stored <c>search_vector</c>, asked first when the word is rare; SQLite FTS5), so a text search needs no
/// channel or time window.
/// Deleting and restoring write the reason into <c>chat_messages.metadata.moderation</c>, so it shows on the message and
/// is part of each message's staff audit row; a bulk operation is one transaction.
/// </summary>
public sealed class ChatReviewService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxPrefixUsers = 50;
    public const int MaxBulk = 500;
    public const int MaxPageSize = 200;
    public const int ContextMessages = 12;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>Channels with member and message counts, optionally filtered by type and name.</summary>
    public async Task<(IReadOnlyList<ChannelRow> Rows, int Total)> ChannelsAsync(string? type, string? name, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Channels.AsNoTracking();
        if (!string.IsNullOrEmpty(type)) query = query.Where(c => c.ChannelType == type);
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = "%" + ResourceStore.EscapeLike(name.Trim()) + "%";
            var c = Expression.Parameter(typeof(ChatChannel), "c");
            query = query.Where(Expression.Lambda<Func<ChatChannel, bool>>(Expression.OrElse(
                ResourceStore.LikeCall(db.Provider, Expression.Property(c, nameof(ChatChannel.Name)), pattern),
                ResourceStore.LikeCall(db.Provider, Expression.Property(c, nameof(ChatChannel.ChannelId)), pattern)), c));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(c => c.ChannelType).ThenBy(c => c.Name).ThenBy(c => c.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(c => new ChannelRow(c.Id, c.ChannelId, c.Name, c.ChannelType, c.IsActive,
                db.ChannelMembers.Count(m => m.ChannelId == c.Id),
                db.ChatMessages.Count(m => m.ChannelId == c.Id),
                db.ChatMessages.Where(m => m.ChannelId == c.Id).Max(m => (DateTime?)m.CreatedAt)))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<IReadOnlyList<string>> ChannelTypesAsync(CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().Select(c => c.ChannelType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    public async Task<ChannelRow?> ChannelAsync(string channelKeyOrId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = Guid.TryParse(channelKeyOrId, out var g) ? g : (Guid?)null;
        return await db.Channels.AsNoTracking().Where(c => c.ChannelId == channelKeyOrId || c.Id == id)
            .Select(c => new ChannelRow(c.Id, c.ChannelId, c.Name, c.ChannelType, c.IsActive, db.ChannelMembers.Count(m => m.ChannelId == c.Id),
                db.ChatMessages.Count(m => m.ChannelId == c.Id), db.ChatMessages.Where(m => m.ChannelId == c.Id).Max(m => (DateTime?)m.CreatedAt)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Messages matching the search, one page (plus whether more follow), newest first or best match first. Bad input (a reversed
    /// range, a search with nothing to look for) is refused with a message and no rows.
    /// </summary>
    public async Task<ChatSearchPage> SearchAsync(ChatSearch search, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        var from = search.From is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : (DateTime?)null;
        var to = search.To is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : (DateTime?)null;
        if (from is not null && to is not null && from >= to) return new([], false, "The start of the time range must be before its end.", from, to);
        var text = search.Text?.Trim();
        var textQuery = TextSearch.Parse(text, out var problem);
        if (problem is not null) return new([], false, problem, from, to);
        var prefix = search.UserPrefix?.Trim().ToLowerInvariant();
        string? notice = null;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<Guid>? users = null;
        if (search.UserId is null && !string.IsNullOrEmpty(prefix))
        {
            // Before the text search's plan is chosen: no player by that name means no search at all.
            var pattern = ResourceStore.EscapeLike(prefix) + "%";
            users = await db.Players.AsNoTracking().Where(Like<Player>(db, p => p.Username, pattern)).OrderBy(p => p.Username).Take(MaxPrefixUsers + 1)
                .Select(p => p.Id).ToListAsync(cancellationToken);
            if (users.Count == 0) return new([], false, $"No player's name starts with “{search.UserPrefix!.Trim()}”.", from, to);
            if (users.Count > MaxPrefixUsers)
            {
                users.RemoveAt(MaxPrefixUsers);
                notice = $"More than {MaxPrefixUsers} players match “{search.UserPrefix!.Trim()}”: only the first {MaxPrefixUsers} by name are searched; type more of the name.";
            }
        }
        var size = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var bestMatch = textQuery is not null && search.Order == ChatOrder.BestMatch;
        var query = textQuery is not null && !bestMatch
            ? await TextSearch.NewestFirstMatchesAsync(db, db.ChatMessages, textQuery, text!, size, cancellationToken)
            : db.ChatMessages.AsNoTracking();
        if (search.ChannelId is { } channel) query = query.Where(m => m.ChannelId == channel);
        if (search.UserId is { } user) query = query.Where(m => m.UserId == user);
        else if (users is not null) query = query.Where(m => users.Contains(m.UserId));
        if (from is { } start) query = query.Where(m => m.CreatedAt >= start);
        if (to is { } end) query = query.Where(m => m.CreatedAt < end);
        if (search.Deleted is { } deleted) query = query.Where(m => m.IsDeleted == deleted);
        IQueryable<ChatMessage> page;
        if (bestMatch)
            page = TextSearch.MatchingByRelevance(db, query, textQuery!, text!).Skip(Math.Max(0, search.Page) * size);
        else
        {
            if (search.Before is { } before)
            {
                var (at, id) = (DateTime.SpecifyKind(before.CreatedAt, DateTimeKind.Utc), before.Id);
                query = query.Where(m => m.CreatedAt <= at && (m.CreatedAt < at || m.Id.CompareTo(id) < 0)); // "<= at" lets the index walk start at the cursor
            }
            page = query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
            if (search.Before is null) page = page.Skip(Math.Max(0, search.Page) * size);
        }
        var rows = await Hits(page.Take(size + 1)).ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        return new ChatSearchPage(rows.Select(WithNote).ToList(), more, notice, from, to)
        {
            Next = more && rows.Count > 0 ? new ChatCursor(rows[^1].Hit.CreatedAt, rows[^1].Hit.Id) : null,
            Highlight = textQuery?.Highlight,
        };
    }

    /// <summary>A message with the conversation around it in its channel (deleted messages included and marked).</summary>
    public async Task<ChatContext?> ContextAsync(Guid messageId, int count = ContextMessages, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Hits(db.ChatMessages.AsNoTracking().Where(m => m.Id == messageId)).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var hit = WithNote(row);
        var (before, after) = await ModerationQueries.ContextAsync(db, hit.ChannelId, hit.CreatedAt, hit.Id, Math.Clamp(count, 1, 200), cancellationToken);
        return new ChatContext(hit, before, after);
    }

    /// <summary>Soft-deletes (or restores) the given messages in one transaction, with a reason kept on each message.</summary>
    public async Task<OperationResult> SetDeletedAsync(IReadOnlyCollection<Guid> messageIds, bool deleted, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0) return OperationResult.Refused("A reason is required.");
        if (reason.Length > ModerationService.MaxReasonLength) return OperationResult.Refused($"The reason is longer than {ModerationService.MaxReasonLength} characters.");
        var ids = messageIds.Distinct().ToList();
        if (ids.Count == 0) return OperationResult.Refused("Select at least one message.");
        if (ids.Count > MaxBulk) return OperationResult.Refused($"Select at most {MaxBulk} messages at once.");
        var user = await currentStaff.GetPrincipalAsync();
        if (CurrentStaff.IdOf(user) is not { } staffId) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var messages = await db.ChatMessages.Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
        if (messages.Count < ids.Count) return OperationResult.Refused($"{ids.Count - messages.Count} of the selected messages no longer exist; nothing was changed.");
        var changing = messages.Where(m => m.IsDeleted != deleted).ToList();
        if (changing.Count == 0) return OperationResult.Refused(deleted ? "The selected messages are already deleted." : "None of the selected messages is deleted.");
        foreach (var message in changing)
        {
            message.IsDeleted = deleted;
            message.DeletedAt = deleted ? now : null;
            message.Metadata = WithModeration(message.Metadata, new JsonObject
            {
                ["action"] = deleted ? "deleted" : "restored",
                ["reason"] = reason,
                ["staff_id"] = staffId.ToString(),
                ["staff_email"] = CurrentStaff.EmailOf(user),
                ["at"] = now.ToString("O"),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var skipped = messages.Count - changing.Count;
        var verb = deleted ? "deleted" : "restored";
        return OperationResult.Success($"{changing.Count} message(s) {verb}." + (skipped > 0 ? $" {skipped} already {verb}, left as they were." : ""));
    }

    /// <summary>Sets <c>metadata.moderation</c>, keeping whatever else the game stored there (a non-object value is kept under <c>original</c>).</summary>
    static string WithModeration(string? metadata, JsonObject moderation)
    {
        JsonObject root;
        try
        {
            root = (string.IsNullOrWhiteSpace(metadata) ? null : JsonNode.Parse(metadata)) switch
            {
                JsonObject o => o,
                null => [],
                var other => new JsonObject { ["original"] = other },
            };
        }
        catch (System.Text.Json.JsonException)
        {
            root = new JsonObject { ["original"] = metadata };
        }
        root["moderation"] = moderation;
        return root.ToJsonString();
    }

    /// <summary>"deleted by x: reason" from <c>metadata.moderation</c>, if there is one.</summary>
    public static string? ModerationNote(string? metadata)
    {
        if (string.IsNullOrWhiteSpace(metadata)) return null;
        try
        {
            if (JsonNode.Parse(metadata) is JsonObject { } root && root["moderation"] is JsonObject m)
                return $"{m["action"]} by {m["staff_email"]}: {m["reason"]}";
        }
        catch (System.Text.Json.JsonException) { }
        return null;
    }

    sealed record HitWithMetadata(ChatHit Hit, string? Metadata);

    static IQueryable<HitWithMetadata> Hits(IQueryable<ChatMessage> query) =>
        query.Select(m => new HitWithMetadata(new ChatHit(m.Id, m.MessageId, m.ChannelId, m.Channel.Name, m.UserId, m.User.Username, m.Content, m.MessageType,
            m.IsDeleted, m.DeletedAt, null, m.CreatedAt), m.Metadata));

    static ChatHit WithNote(HitWithMetadata row) => row.Hit with { ModerationNote = ModerationNote(row.Metadata) };

    static Expression<Func<T, bool>> Like<T>(GameOpsDbContext db, Expression<Func<T, string>> member, string pattern) =>
        Expression.Lambda<Func<T, bool>>(ResourceStore.LikeCall(db.Provider, member.Body, pattern), member.Parameters);
}
