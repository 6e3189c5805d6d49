using System.Globalization;
using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Configurations;
using GameOps.Data.Migrations.Sql;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// Full-text search over free text (chat messages, report descriptions, sanction reasons, staff notes) in web-search syntax:
/// words (all must appear), <c>"quoted phrases"</c>, <c>-word</c> to exclude, <c>or</c> between alternatives. PostgreSQL runs it
/// with <c>websearch_to_tsquery('simple', …)</c> against the stored, GIN-indexed <c>search_vector</c> columns; SQLite translates the same
/// syntax to an FTS5 MATCH expression (<see cref="ToFts5"/>) against the FTS5 tables of <see cref="SpeedSql"/>.
/// Words are matched whole and case-insensitively, without stemming; accents count (as in PostgreSQL's <c>simple</c>).
/// </summary>
public static class TextSearch
{
    public const int MaxLength = 200;

    /// <summary>One search term: a word or a quoted phrase (its words, lower case), possibly excluded.</summary>
    public sealed record Term(IReadOnlyList<string> Words, bool Excluded);

    /// <summary>A parsed query: alternatives (joined by <c>or</c>), each a list of terms that must all hold.</summary>
    public sealed record Query(IReadOnlyList<IReadOnlyList<Term>> Alternatives)
    {
        /// <summary>Words to highlight in a match: every word of every term that is not excluded.</summary>
        public IReadOnlySet<string> Highlight { get; } =
            Alternatives.SelectMany(a => a).Where(t => !t.Excluded).SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);

        public bool IsEmpty => Alternatives.Count == 0;
    }

    /// <summary>Parses web-search syntax; null when the text has nothing to search for, with the reason in <paramref name="problem"/>.</summary>
    public static Query? Parse(string? text, out string? problem)
    {
        problem = null;
        text = text?.Trim() ?? "";
        if (text.Length == 0) return null;
        if (text.Length > MaxLength)
        {
            problem = $"The search text is longer than {MaxLength} characters.";
            return null;
        }
        var alternatives = new List<IReadOnlyList<Term>>();
        var current = new List<Term>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || IsOperator(text[i])) { i++; continue; }
            var excluded = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) { excluded = true; i++; }
            string raw;
            var quoted = text[i] == '"';
            if (quoted)
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) end = text.Length;
                raw = text[(i + 1)..end];
                i = Math.Min(text.Length, end + 1);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"' && !IsOperator(text[i])) i++;
                raw = text[start..i];
                if (!excluded && raw.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    if (current.Count > 0) { alternatives.Add(current); current = []; }
                    continue;
                }
            }
            var words = Words(raw);
            if (words.Count > 0) current.Add(new Term(words, excluded));
        }
        if (current.Count > 0) alternatives.Add(current);
        if (alternatives.Count == 0)
        {
            problem = "Type at least one word or number to search for.";
            return null;
        }
        if (alternatives.Any(a => a.All(t => t.Excluded)))
        {
            problem = "“-word” only excludes: add a word to look for.";
            return null;
        }
        return new Query(alternatives);
    }

    /// <summary>Characters websearch_to_tsquery skips between terms (tsquery operators), so they separate terms here too.</summary>
    static bool IsOperator(char c) => c is '!' or '&' or '|' or '(' or ')' or '<';

    /// <summary>Lower-case words (runs of letters and digits) of a text, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var (start, length) in WordSpans(text)) words.Add(Fold(text.Substring(start, length)));
        return words;
    }

    static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i)) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text, i)) i++;
            yield return (start, i - start);
        }
    }

    static bool IsWordChar(string text, int i) =>
        char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                                      || char.IsSurrogate(text[i]);

    /// <summary>Case folding only: PostgreSQL's <c>simple</c> configuration keeps accents, and so does the FTS5 tokenizer.</summary>
    static string Fold(string word) => word.ToLowerInvariant();

    /// <summary>
    /// The FTS5 expression of a query: each term a quoted string of its words (a phrase; quotes cannot occur in a word),
    /// terms joined by AND, excluded terms by NOT, alternatives by OR.
    /// </summary>
    public static string ToFts5(Query query) =>
        string.Join(" OR ", query.Alternatives.Select(terms =>
        {
            var included = string.Join(" AND ", terms.Where(t => !t.Excluded).Select(Quote));
            var excluded = string.Concat(terms.Where(t => t.Excluded).Select(t => " NOT " + Quote(t)));
            return $"(({included}){excluded})";
        }));

    static string Quote(Term term) => "\"" + string.Join(' ', term.Words) + "\"";

    /// <summary>A text cut into plain and matching parts, for highlighting (rendered as text, never as markup).</summary>
    public static IReadOnlyList<(string Text, bool Match)> Segments(string? text, IReadOnlySet<string>? highlight)
    {
        if (string.IsNullOrEmpty(text)) return [];
        if (highlight is null || highlight.Count == 0) return [(text, false)];
        var parts = new List<(string, bool)>();
        var at = 0;
        foreach (var (start, length) in WordSpans(text))
        {
            if (!highlight.Contains(Fold(text.Substring(start, length)))) continue;
            if (start > at) parts.Add((text[at..start], false));
            parts.Add((text.Substring(start, length), true));
            at = start + length;
        }
        if (at < text.Length) parts.Add((text[at..], false));
        return parts;
    }

    /// <summary>
    /// The rows of <paramref name="source"/> whose searchable text matches the search: on PostgreSQL the table's stored
    /// <c>search_vector</c> (<see cref="FullTextSearchConfiguration"/>), on SQLite its FTS5 table.
    /// </summary>
    public static IQueryable<T> Matching<T>(GameOpsDbContext db, IQueryable<T> source, Query query, string text) where T : class
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var search = text.Trim();
            return source.Where(e => EF.Property<NpgsqlTsVector>(e, FullTextSearch.VectorProperty)
                .Matches(EF.Functions.WebSearchToTsQuery(FullTextSearch.Config, search)));
        }
        var matches = SqliteMatches(db, typeof(T), query);
        return source.Where(e => matches.Any(m => m.Id == EF.Property<Guid>(e, "Id")));
    }

    /// <summary>
    /// The matching rows of a table, as the root of a newest-first search the caller then filters, orders and pages. PostgreSQL
    /// plans such a search by walking the <c>created_at</c> index newest first and testing each row: fast while matches are
    /// frequent among recent rows, but a rare word makes it read the table's recent history row by row (72,770 rows for 51 matches
    /// of "banker" at 10M messages). When the planner itself expects few matches (<see cref="AsksTheIndexFirst"/>), the rows come
    /// from the full-text index first, in a subquery fenced with <c>OFFSET 0</c> (the planner neither flattens it nor pushes the
    /// caller's filters into it), and only those matches are filtered and sorted. Same rows, same order, either way.
    /// SQLite has the same two plans and the same trade-off (at 200k messages a rare word took 1.5 s walking, a frequent one 400 ms
    /// from the index): there the FTS5 index counts the matches (up to the threshold, so a frequent word costs little), and the
    /// index-first plan reads them first through a <c>CROSS JOIN</c>, which SQLite never reorders.
    /// </summary>
    public static async Task<IQueryable<T>> NewestFirstMatchesAsync<T>(GameOpsDbContext db, DbSet<T> table, Query query, string text, int pageSize,
        CancellationToken cancellationToken = default) where T : class
    {
        if (db.Provider != DatabaseProvider.Postgres) return await SqliteNewestFirstMatchesAsync(db, table, query, text, pageSize, cancellationToken);
        var search = text.Trim();
        var entity = db.Model.FindEntityType(typeof(T))!;
        var tableName = Quoted(entity.GetTableName()!);
        var vector = Quoted(entity.FindProperty(FullTextSearch.VectorProperty)!.GetColumnName());
        var match = $"{vector} @@ websearch_to_tsquery('{FullTextSearch.Config}', {{0}})";
        var (matches, rows) = await EstimateAsync(db, $"SELECT 1 FROM {tableName} WHERE {match}", tableName, search, cancellationToken);
        if (!AsksTheIndexFirst(matches, rows, pageSize)) return Matching(db, table.AsNoTracking(), query, text);
        // Identifiers from the model; the search text is the one parameter ({0}).
        var indexFirst = $"SELECT * FROM {tableName} WHERE {match} OFFSET 0";
        return table.FromSqlRaw(indexFirst, search).AsNoTracking();
    }

    static async Task<IQueryable<T>> SqliteNewestFirstMatchesAsync<T>(GameOpsDbContext db, DbSet<T> table, Query query, string text, int pageSize,
        CancellationToken cancellationToken) where T : class
    {
        var name = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        var expression = ToFts5(query);
        // Identifiers from the model; the FTS5 expression is the one parameter ({0}).
        var fts = Quoted(name + "_fts");
        var rowsSql = $"SELECT coalesce(max(rowid), 0) AS \"Value\" FROM {Quoted(name + "_fts_keys")}";
        var rows = (double)await db.Database.SqlQueryRaw<long>(rowsSql).SingleAsync(cancellationToken);
        // Count no further than the largest count that still asks the index first.
        var matchesSql = $"SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH {{0}} LIMIT {MaxIndexFirstMatches(rows, pageSize) + 1})";
        var matches = (double)await db.Database.SqlQueryRaw<long>(matchesSql, expression).SingleAsync(cancellationToken);
        if (!AsksTheIndexFirst(matches, rows, pageSize)) return Matching(db, table.AsNoTracking(), query, text);
        var indexFirst = $"SELECT m.* FROM ({SpeedSql.SqliteMatchIds(name)}) AS x CROSS JOIN {Quoted(name)} AS m WHERE m.id = x.id";
        return table.FromSqlRaw(indexFirst, expression).AsNoTracking();
    }

    const double IndexFirstFactor = 0.5;

    /// <summary>
    /// Whether reading every match from the full-text index and sorting them costs less than walking the rows newest first until
    /// a page of matches is found. The first reads about <paramref name="matches"/> rows, scattered over the whole table; the
    /// second about <c>pageSize × rows / matches</c> rows when matches are spread evenly over time, recent and adjacent. Measured at
    /// 10M messages, a scattered row costs about twice a walked one (14–18 µs against 7.5 µs), so they break even near
    /// <c>matches² = 0.4 × pageSize × rows</c>; the factor 0.5 leans slightly to the index because matches are seldom spread evenly
    /// (a word in fashion last year is rare this week, and the walk then reads far more than the estimate). At 10M messages and 50 a
    /// page that is up to about 16,000 expected matches.
    /// </summary>
    public static bool AsksTheIndexFirst(double matches, double rows, int pageSize) => matches <= MaxIndexFirstMatches(rows, pageSize);

    /// <summary>The most matches for which <see cref="AsksTheIndexFirst"/> reads the index first: √(0.5 × (page + 1) × rows).</summary>
    public static long MaxIndexFirstMatches(double rows, int pageSize) => (long)Math.Floor(Math.Sqrt(IndexFirstFactor * (pageSize + 1) * Math.Max(rows, 1)));

    /// <summary>The planner's own estimates (one planning round trip, no execution): matching rows, and rows in the table.</summary>
    static async Task<(double Matches, double Rows)> EstimateAsync(GameOpsDbContext db, string matchingSql, string tableName, string search, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Two result sets in one round trip, which EF's raw queries cannot read: a command on the context's own connection.
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"EXPLAIN (FORMAT JSON) {string.Format(CultureInfo.InvariantCulture, matchingSql, "@search")}; " +
                                  $"SELECT reltuples::float8 FROM pg_class WHERE oid = '{tableName.Replace("'", "''")}'::regclass";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "search";
            parameter.Value = search;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            using var plan = JsonDocument.Parse(reader.GetString(0));
            var matches = plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
            await reader.NextResultAsync(cancellationToken);
            var rows = await reader.ReadAsync(cancellationToken) ? reader.GetDouble(0) : 0;
            return (matches, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// "Best match first" ranks at most this many matches, the newest ones. Ranking reads every match it ranks, so ranking all
    /// matches of a frequent pair of words at 10M messages took seconds; among the newest thousand it answers while the moderator
    /// waits, and a time range reaches further back.
    /// </summary>
    public const int MaxRankedMatches = 1000;

    /// <summary>
    /// The newest <see cref="MaxRankedMatches"/> matching rows, best match first (PostgreSQL <c>ts_rank_cd</c> over the stored
    /// vector; SQLite FTS5 bm25), then newest first; the entity needs <c>Id</c> and <c>CreatedAt</c>.
    /// </summary>
    public static IQueryable<T> MatchingByRelevance<T>(GameOpsDbContext db, IQueryable<T> source, Query query, string text) where T : class
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var search = text.Trim();
            return Matching(db, source, query, text)
                .OrderByDescending(e => EF.Property<DateTime>(e, "CreatedAt")).ThenByDescending(e => EF.Property<Guid>(e, "Id")).Take(MaxRankedMatches)
                .OrderByDescending(e => EF.Property<NpgsqlTsVector>(e, FullTextSearch.VectorProperty)
                    .RankCoverDensity(EF.Functions.WebSearchToTsQuery(FullTextSearch.Config, search)))
                .ThenByDescending(e => EF.Property<DateTime>(e, "CreatedAt")).ThenByDescending(e => EF.Property<Guid>(e, "Id"));
        }
        return source.Join(SqliteMatches(db, typeof(T), query), e => EF.Property<Guid>(e, "Id"), m => m.Id, (e, m) => new Ranked<T> { Row = e, Rank = m.Rank })
            .OrderByDescending(r => EF.Property<DateTime>(r.Row, "CreatedAt")).ThenByDescending(r => EF.Property<Guid>(r.Row, "Id")).Take(MaxRankedMatches)
            .OrderBy(r => r.Rank).ThenByDescending(r => EF.Property<DateTime>(r.Row, "CreatedAt")).ThenByDescending(r => EF.Property<Guid>(r.Row, "Id"))
            .Select(r => r.Row);
    }

    sealed class Ranked<T>
    {
        public required T Row { get; init; }
        public double Rank { get; init; }
    }

    public sealed record FtsMatch(Guid Id, double Rank);

    static IQueryable<FtsMatch> SqliteMatches(GameOpsDbContext db, Type entity, Query query) =>
        db.Database.SqlQueryRaw<FtsMatch>(SpeedSql.SqliteMatch(db.Model.FindEntityType(entity)!.GetTableName()!), ToFts5(query));
}
