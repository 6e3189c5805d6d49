namespace GameOps.Web.Services.DataRequests;

public enum RetentionAction
{
    /// <summary>The player's rows are deleted.</summary>
    Delete,
    /// <summary>The rows stay; the listed columns are replaced and every personal-data column is cleared.</summary>
    Anonymise,
    /// <summary>The rows stay as they are (they hold no personal data beyond the link to the anonymised player or character); personal-data columns, if any, are still cleared.</summary>
    Keep,
}

/// <summary>A replacement for one column: a value, or one computed from the row's id (<c>erased-&lt;id&gt;</c>).</summary>
public sealed record ColumnReplacement(string Property, object? Value = null, Func<Guid, string>? PerRow = null)
{
    public string Describe => PerRow is not null ? PerRow(Guid.Empty).Replace(Guid.Empty.ToString(), "<id>") : Value is null ? "null" : $"\"{Value}\"";
}

public sealed record RetentionRule(string Table, RetentionAction Action, string Why, params ColumnReplacement[] Replace);

/// <summary>
/// What erasing a player does to each table that references them — declared once, here, and shown on the data-requests page.
/// A test checks that every table the model links to a player (see <see cref="PlayerDataMap"/>) has a rule.
/// </summary>
public static class RetentionRules
{
    public const string ErasedText = "[erased]";
    public static string ErasedName(Guid id) => $"erased-{id}";

    public static readonly IReadOnlyList<RetentionRule> All =
    [
        new("users", RetentionAction.Anonymise, "The account row stays so kept records still point somewhere; nothing in it identifies the player.",
            new ColumnReplacement("Username", PerRow: ErasedName), new ColumnReplacement("Email", PerRow: id => $"{ErasedName(id)}@erased.invalid"), new ColumnReplacement("PasswordHash", ""), new ColumnReplacement("Preferences")),
        new("actors", RetentionAction.Anonymise, "Characters stay for the integrity of guilds, matches and leaderboards, under a neutral name.",
            new ColumnReplacement("Name", PerRow: ErasedName)),
        new("chat_messages", RetentionAction.Anonymise, "Messages stay so conversations and reports keep their shape; the text is replaced.",
            new ColumnReplacement("Content", ErasedText), new ColumnReplacement("Metadata")),
        new("user_preferences", RetentionAction.Delete, "Preferences are removed."),
        new("user_sessions", RetentionAction.Delete, "Sessions (IP addresses, devices) are removed."),
        new("notifications", RetentionAction.Delete, "Messages to the player are removed."),
        new("channel_members", RetentionAction.Delete, "Channel memberships are removed."),
        new("message_reactions", RetentionAction.Delete, "Reactions are removed."),
        new("match_queues", RetentionAction.Delete, "Queue entries are removed."),
        new("session_data", RetentionAction.Delete, "Play-session analytics are removed."),
        new("user_analytics", RetentionAction.Delete, "Behavioural analytics are removed."),
        new("payment_transactions", RetentionAction.Anonymise, "Kept for accounting and tax (legal obligation); the IP address is cleared."),
        new("moderation_actions", RetentionAction.Keep, "Sanctions are kept to prevent abuse (a banned player must not return)."),
        new("player_reports", RetentionAction.Keep, "Reports by and about the player are kept to prevent abuse."),
        new("player_notes", RetentionAction.Keep, "Staff notes are kept with the sanctions they explain."),
        new("fraud_detection", RetentionAction.Keep, "Fraud findings are kept to prevent abuse."),
        new("security_events", RetentionAction.Anonymise, "Security events are kept to prevent abuse; the IP address is cleared."),
        new("audit_logs", RetentionAction.Anonymise, "The game's audit trail is kept; the IP address is cleared."),
        new("event_participations", RetentionAction.Keep, "Event results stay (under the anonymised character)."),
        new("match_participants", RetentionAction.Keep, "Match history of other players stays (under the anonymised account)."),
        new("match_results", RetentionAction.Keep, "Match results stay (under the anonymised account)."),
        new("teams", RetentionAction.Keep, "Teams stay (under the anonymised account)."),
        new("team_members", RetentionAction.Keep, "Team history stays (under the anonymised account)."),
        new("channels", RetentionAction.Keep, "Channels the player owned stay for their other members."),
        new("guild_members", RetentionAction.Keep, "Guild membership stays under the anonymised character."),
        new("guild_activities", RetentionAction.Keep, "Guild history stays under the anonymised character."),
        new("guild_storage", RetentionAction.Keep, "Guild storage deposits stay."),
        new("inventory_items", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("actor_equipment", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("actor_resources", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("actor_skills", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("actor_achievements", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("actor_levels", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("quest_progress", RetentionAction.Keep, "Game state of the character (no personal data)."),
        new("ratings", RetentionAction.Keep, "Ladder ratings stay (under the anonymised character)."),
        new("game_analytics", RetentionAction.Keep, "Aggregate game telemetry of the character (no personal data)."),
    ];

    static readonly Dictionary<string, RetentionRule> ByTable = All.ToDictionary(r => r.Table);

    public static RetentionRule? For(string table) => ByTable.GetValueOrDefault(table);
}
