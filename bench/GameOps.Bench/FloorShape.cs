using System.Data.Common;
using GameOps.Data;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Bench;

/// <summary>
/// The SQL a person would write by hand for one list query: the listed columns (references joined for their display text),
/// the filter or search as plain predicates, ORDER BY key, id, LIMIT 25, and a row-value keyset predicate for deep pages.
/// </summary>
sealed class Shape
{
    public required string RowsSql { get; init; }
    public required string CountSql { get; init; }
    public string? AnchorSql { get; init; }
    public bool AnchorEveryTime { get; init; }
    public bool NeedsAnchor => AnchorSql is not null;
    public List<(string Name, object Value)> Parameters { get; } = [];
    object?[]? knownAnchor;

    public async Task<object?[]> AnchorAsync(DbConnection connection)
    {
        if (!AnchorEveryTime && knownAnchor is not null) return knownAnchor;
        await using var command = connection.CreateCommand();
        command.CommandText = AnchorSql;
        Bind(command, null);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return knownAnchor = [reader.GetValue(0), reader.GetValue(1)];
    }

    public void Bind(DbCommand command, object?[]? anchor)
    {
        foreach (var (name, value) in Parameters) Add(command, name, value);
        if (anchor is not null && command.CommandText.Contains("@ak", StringComparison.Ordinal))
        {
            Add(command, "ak", anchor[0]);
            Add(command, "ai", anchor[1]);
        }
    }

    static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    public static Shape Build(DatabaseOptions database, ResourceCatalog catalog, ResourceDescription resource, RunCommand.Case c)
    {
        using var db = GameOpsDatabase.CreateContext(database);
        var pg = database.Provider == DatabaseProvider.Postgres;
        var entity = db.Model.FindEntityType(resource.EntityType)!;
        var table = entity.GetTableName()!;
        string Col(IEntityType e, string property) => e.FindProperty(property)!.GetColumnName();
        string Member(IEntityType e, System.Linq.Expressions.LambdaExpression selector) => Col(e, ((System.Linq.Expressions.MemberExpression)selector.Body).Member.Name);
        var query = c.Query();
        var select = new List<string>();
        var joins = new List<string>();
        foreach (var name in resource.ListColumns)
        {
            var field = resource.Field(name);
            if (field.Kind == FieldKind.Reference && field.ReferenceType is { } refType && catalog.For(refType) is var target && target.DisplayField != field.ReferenceKey)
            {
                var alias = "j" + joins.Count;
                var targetEntity = db.Model.FindEntityType(refType)!;
                joins.Add($"LEFT JOIN \"{targetEntity.GetTableName()}\" {alias} ON {alias}.\"{Col(targetEntity, field.ReferenceKey!)}\" = t.\"{Col(entity, field.Name)}\"");
                select.Add($"{alias}.\"{Col(targetEntity, target.DisplayField)}\"");
            }
            else select.Add($"t.\"{Col(entity, field.Name)}\"");
        }
        var shapeParameters = new List<(string, object)>();
        var where = new List<string>();
        foreach (var (name, filter) in query.Filters.Where(f => f.Value.IsSet))
        {
            var property = entity.FindProperty(name)!;
            object value = filter.Bool is { } b ? (pg ? b : b ? 1 : 0) : filter.Value!;
            if (property.ClrType != typeof(string) && filter.Value is { } text && pg) value = Convert.ChangeType(text, Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            shapeParameters.Add(("f" + where.Count, value));
            where.Add($"t.\"{Col(entity, name)}\" = @f{where.Count}");
        }
        var selectiveShape = resource.SearchFields.All(n => resource.Field(n).SearchMode != SearchMode.Contains);
        string? selective = null;
        if (query.Search is { } searched && selectiveShape)
        {
            // By hand: the matching ids through each prefix or trigram index (the related tables' too), each saying whether
            // it matched at the start, gathered once; the count and the page (prefix matches first) come from them.
            var prefixPattern = ResourceStore.EscapeLike(searched) + "%";
            var anyPattern = "%" + ResourceStore.EscapeLike(searched) + "%";
            string Prefix(string column) => pg ? $"lower({column}) LIKE @sp ESCAPE '\\'" : $"{column} LIKE @sp ESCAPE '\\'";
            string Anywhere(string column) => pg ? $"{column} ILIKE @sa ESCAPE '\\'" : $"{column} LIKE @sa ESCAPE '\\'";
            var sources = resource.SearchFields.Where(n => resource.Field(n).ClrType == typeof(string)).Select(n =>
            {
                var column = $"\"{Col(entity, n)}\"";
                return resource.Field(n).SearchMode == SearchMode.Prefix
                    ? $"SELECT \"id\" AS id, {(pg ? "TRUE" : "1")} AS p FROM \"{table}\" WHERE {Prefix(column)}"
                    : $"SELECT \"id\" AS id, {Prefix(column)} AS p FROM \"{table}\" WHERE {Anywhere(column)}";
            }).ToList();
            foreach (var related in resource.RelatedSearches)
            {
                var child = db.Model.FindEntityType(related.ChildType)!;
                var text = $"\"{Member(child, related.Text)}\"";
                sources.Add($"SELECT \"{Member(child, related.Owner)}\" AS id, {Prefix(text)} AS p FROM \"{child.GetTableName()}\" WHERE {Anywhere(text)}");
            }
            // Few matches: page among their ids; many (dense): walk the sort index with the OR below. Decided once, here.
            db.Database.OpenConnection();
            using var probe = db.Database.GetDbConnection().CreateCommand();
            probe.CommandText = $"SELECT COUNT(*) FROM ({string.Join(" UNION ALL ", sources)} LIMIT 10001) m";
            foreach (var (name, value) in new[] { ("sp", pg ? prefixPattern.ToLowerInvariant() : prefixPattern), ("sa", anyPattern) })
            {
                var parameter = probe.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                probe.Parameters.Add(parameter);
            }
            if (Convert.ToInt64(probe.ExecuteScalar()) <= 10_000)
            {
                shapeParameters.Add(("sp", pg ? prefixPattern.ToLowerInvariant() : prefixPattern));
                shapeParameters.Add(("sa", anyPattern));
                selective = string.Join(" UNION ALL ", sources);
            }
        }
        if (query.Search is { } term && selective is null)
        {
            var any = new List<string>();
            foreach (var name in resource.SearchFields.Where(n => resource.Field(n).ClrType == typeof(string)))
            {
                var contains = resource.Field(name).SearchMode != SearchMode.Prefix; // a word in a text, or any part of a name (trigram)
                var pattern = (contains ? "%" : "") + ResourceStore.EscapeLike(term) + "%";
                var p = "s" + any.Count;
                var column = $"t.\"{Col(entity, name)}\"";
                any.Add(!pg ? $"{column} LIKE @{p} ESCAPE '\\'" : contains ? $"{column} ILIKE @{p} ESCAPE '\\'" : $"lower({column}) LIKE @{p} ESCAPE '\\'");
                shapeParameters.Add((p, pg && !contains ? pattern.ToLowerInvariant() : pattern));
            }
            foreach (var related in resource.RelatedSearches)
            {
                var child = db.Model.FindEntityType(related.ChildType)!;
                var p = "s" + any.Count;
                var text = $"c.\"{Member(child, related.Text)}\"";
                any.Add($"EXISTS (SELECT 1 FROM \"{child.GetTableName()}\" c WHERE c.\"{Member(child, related.Owner)}\" = t.\"id\" AND {(pg ? $"lower({text})" : text)} LIKE @{p} ESCAPE '\\')");
                var pattern = ResourceStore.EscapeLike(term) + "%";
                shapeParameters.Add((p, pg ? pattern.ToLowerInvariant() : pattern));
            }
            where.Add("(" + string.Join(" OR ", any) + ")");
        }
        var sortProperty = resource.DefaultSort ?? "Id";
        var descending = resource.DefaultSort is not null && resource.DefaultSortDescending;
        var key = $"t.\"{Col(entity, sortProperty)}\"";
        var dir = descending ? "DESC" : "ASC";
        var order = sortProperty == "Id" ? $"t.\"id\" {dir}" : $"{key} {dir}, t.\"id\" {dir}";
        var filterSql = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        var skip = (long)query.Page * query.PageSize;
        string rows, count;
        string? anchor = null;
        if (selective is not null)
        {
            // One statement: the matches gathered once, counted (with the filters) and the page picked among them by id. The
            // count command has nothing left to do.
            var head = $"WITH m AS (SELECT id, MAX(CASE WHEN p THEN 1 ELSE 0 END) AS p FROM ({selective}) x GROUP BY id)";
            rows = $"{head} SELECT t.\"id\", {string.Join(", ", select)}, COUNT(*) OVER () FROM m JOIN \"{table}\" t ON t.\"id\" = m.id {string.Join(" ", joins)}"
                + $"{(where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))} ORDER BY m.p DESC, {order} LIMIT {query.PageSize}{(skip > 0 ? $" OFFSET {skip}" : "")}";
            var only = new Shape { RowsSql = rows, CountSql = "SELECT 1", AnchorEveryTime = !c.KeepAnchors };
            only.Parameters.AddRange(shapeParameters);
            return only;
        }
        if (skip == 0)
            rows = $"SELECT t.\"id\", {string.Join(", ", select)} FROM \"{table}\" t {string.Join(" ", joins)}{filterSql} ORDER BY {order} LIMIT {query.PageSize}";
        else
        {
            anchor = $"SELECT {(sortProperty == "Id" ? "t.\"id\"" : key)}, t.\"id\" FROM \"{table}\" t{filterSql} ORDER BY {order} LIMIT 1 OFFSET {skip - 1}";
            var seek = sortProperty == "Id" ? $"t.\"id\" {(descending ? "<" : ">")} @ai" : $"({key}, t.\"id\") {(descending ? "<" : ">")} (@ak, @ai)";
            rows = $"SELECT t.\"id\", {string.Join(", ", select)} FROM \"{table}\" t {string.Join(" ", joins)} WHERE {seek}{(where.Count == 0 ? "" : " AND " + string.Join(" AND ", where))} ORDER BY {order} LIMIT {query.PageSize}";
        }
        db.Database.OpenConnection();
        using var countCommand = db.Database.GetDbConnection().CreateCommand();
        countCommand.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        var total = Convert.ToInt64(countCommand.ExecuteScalar());
        count = where.Count > 0 ? $"SELECT COUNT(*) FROM (SELECT 1 FROM \"{table}\" t{filterSql} LIMIT 10001) c"
            : pg && total >= 200_000 ? $"SELECT reltuples::bigint FROM pg_class WHERE relname = '{table}' AND relkind = 'r'"
            : $"SELECT COUNT(*) FROM \"{table}\"";
        var shape = new Shape { RowsSql = rows, CountSql = count, AnchorSql = anchor, AnchorEveryTime = !c.KeepAnchors };
        shape.Parameters.AddRange(shapeParameters);
        return shape;
    }
}
