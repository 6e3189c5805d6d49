using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using GameOps.Data;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

public enum ImportAction { Add, Change, Unchanged, Error }

public sealed record ImportRow(int Line, string Key, ImportAction Action, IReadOnlyList<FieldDiff> Changes, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

public sealed record ImportPreview(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileErrors)
{
    public int Adds => Rows.Count(r => r.Action == ImportAction.Add);
    public int Changes => Rows.Count(r => r.Action == ImportAction.Change);
    public int Errors => Rows.Count(r => r.Action == ImportAction.Error) + FileErrors.Count;
    public bool CanApply => Errors == 0 && Adds + Changes > 0;
}

public sealed record ImportResult(bool Applied, ImportPreview Preview, string Message);

/// <summary>
/// Import of definitions from JSON (an array of objects) or CSV (a header row), keyed by the business key
/// (<c>item_id</c>, <c>quest_id</c>…; columns are the table's column names, JSON columns hold JSON text in CSV).
/// A dry run says per row: add, change (with a diff) or error (and why). Apply re-checks everything and saves all
/// rows in one SaveChanges, so one bad row changes nothing; every row is audited like an edit.
/// Also exports whole definitions (every column, JSON included) in the same format.
/// </summary>
public sealed class DesignImportService(IDbContextFactory<GameOpsDbContext> contextFactory, ResourceStore store, CurrentStaff currentStaff)
{
    public const int MaxRows = 5_000;
    static readonly HashSet<string> Ignored = ["version", "created_at", "updated_at"];

    public async Task<ImportPreview> PreviewAsync(ResourceDescription resource, string fileName, string content, CancellationToken ct = default) =>
        (await RunAsync(resource, fileName, content, apply: false, ct)).Preview;

    public Task<ImportResult> ApplyAsync(ResourceDescription resource, string fileName, string content, CancellationToken ct = default) =>
        RunAsync(resource, fileName, content, apply: true, ct);

    async Task<ImportResult> RunAsync(ResourceDescription resource, string fileName, string content, bool apply, CancellationToken ct)
    {
        await currentStaff.DemandAsync(apply ? Permission.DesignWrite : Permission.DesignRead);
        return await resource.Accept(new RunVisitor(this, fileName, content, apply, ct));
    }

    sealed class RunVisitor(DesignImportService import, string fileName, string content, bool apply, CancellationToken ct) : IResourceVisitor<Task<ImportResult>>
    {
        public Task<ImportResult> Visit<T>(ResourceDescription<T> resource) where T : class, new() => import.RunCoreAsync<T>(resource, fileName, content, apply, ct);
    }

    async Task<ImportResult> RunCoreAsync<T>(ResourceDescription resource, string fileName, string content, bool apply, CancellationToken ct) where T : class
    {
        if (resource.BusinessKey is not { } keyName) return Fail("This table has no key column to import by.");
        var keyField = resource.Field(keyName);
        List<(int Line, Dictionary<string, JsonNode?> Cells)> records;
        try
        {
            records = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ParseCsv(content)
                : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ParseJson(content)
                : throw new FormatException("Choose a .json or .csv file.");
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return Fail(ex is JsonException json ? "The file is not valid JSON. " + JsonErrorText.Describe(json) : ex.Message);
        }
        if (records.Count == 0) return Fail("The file holds no rows.");
        if (records.Count > MaxRows) return Fail($"The file holds {records.Count:N0} rows; import at most {MaxRows:N0} at a time.");
        var fieldsByColumn = resource.Fields.ToDictionary(f => f.Column, StringComparer.OrdinalIgnoreCase);
        var unknown = records.SelectMany(r => r.Cells.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(c => !fieldsByColumn.ContainsKey(c)).ToList();
        if (unknown.Count > 0) return Fail($"Unknown column{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown)}.");

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<T>().ToListAsync(ct); // tracked: changed rows are saved from here
        var byKey = existing.ToDictionary(e => (string)keyField.GetValue(e)!, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firstLineByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<ImportRow>();
        foreach (var (line, cells) in records)
        {
            var errors = new List<string>();
            var key = cells.FirstOrDefault(c => string.Equals(c.Key, keyField.Column, StringComparison.OrdinalIgnoreCase)).Value is { } k ? Text(k) : null;
            if (string.IsNullOrWhiteSpace(key)) { rows.Add(new ImportRow(line, "", ImportAction.Error, [], [$"{keyField.Column} is missing."], [])); continue; }
            // Rows are checked against each other before the database sees them: the same key twice (also differing only in case or spaces) is a row error.
            if (key != key.Trim()) { rows.Add(new ImportRow(line, key, ImportAction.Error, [], [$"{keyField.Column} \"{key}\" starts or ends with a space."], [])); continue; }
            if (firstLineByKey.TryGetValue(key, out var firstLine))
            {
                var same = seen.Contains(key);
                rows.Add(new ImportRow(line, key, ImportAction.Error, [], [same ? $"{key} is also on line {firstLine}: each key may appear once per file." : $"{key} differs only in case from a key on line {firstLine}: keys must be unique."], []));
                continue;
            }
            seen.Add(key);
            firstLineByKey[key] = line;
            var current = byKey.GetValueOrDefault(key);
            var isNew = current is null;
            var entity = isNew ? (T)resource.NewEntity() : Copy(resource, current!);
            if (isNew) resource.IdField.SetValue(entity, Guid.CreateVersion7());
            foreach (var (column, node) in cells)
            {
                var field = fieldsByColumn[column];
                if (Ignored.Contains(field.Column) || field.IsPrimaryKey) continue;
                if (field.ReadOnly && field.Name != keyName) continue;
                try { field.SetValue(entity, Convert(field, node)); }
                catch (Exception ex) when (ex is FormatException or JsonException or InvalidCastException or OverflowException or ArgumentException)
                {
                    errors.Add($"{field.Column}: {ex.Message}");
                }
            }
            var issues = errors.Count > 0 ? [] : await ResourceValidation.ValidateWithDatabaseAsync(db, resource, entity, ct);
            errors.AddRange(issues.Where(i => !i.IsWarning).Select(i => i.Message));
            var warnings = issues.Where(i => i.IsWarning).Select(i => i.Message).ToList();
            var diff = isNew ? [] : Differences(resource, current!, entity);
            var action = errors.Count > 0 ? ImportAction.Error : isNew ? ImportAction.Add : diff.Count == 0 ? ImportAction.Unchanged : ImportAction.Change;
            rows.Add(new ImportRow(line, key, action, diff, errors, warnings));
            if (!apply || action is ImportAction.Error or ImportAction.Unchanged) continue;
            if (isNew) db.Add(entity);
            else foreach (var field in resource.Fields.Where(f => !f.ReadOnly && f.Name != resource.ConcurrencyToken))
                db.Entry(current!).Property(field.Name).CurrentValue = field.GetValue(entity);
        }
        var preview = new ImportPreview(rows, []);
        if (!apply) return new ImportResult(false, preview, "Dry run: nothing was changed.");
        if (!preview.CanApply)
            return new ImportResult(false, preview, preview.Errors > 0 ? $"{preview.Errors} row(s) have errors: nothing was changed." : "Nothing to change.");
        try
        {
            await db.SaveChangesAsync(ct);
            return new ImportResult(true, preview, $"Imported: {preview.Adds} added, {preview.Changes} changed.");
        }
        catch (DbUpdateException ex)
        {
            return new ImportResult(false, preview, "The database refused the import; nothing was changed: " + (ex.InnerException?.Message ?? ex.Message));
        }

        static ImportResult Fail(string message) => new(false, new ImportPreview([], [message]), message);
    }

    static T Copy<T>(ResourceDescription resource, T source) where T : class
    {
        var copy = (T)resource.NewEntity();
        foreach (var field in resource.Fields)
        {
            var value = field.GetValue(source);
            if (field.Kind == FieldKind.Json && value is not null and not string)
                value = JsonSerializer.Deserialize(JsonSerializer.Serialize(value, field.ClrType, GameJsonSerializer.Options), field.ClrType, GameJsonSerializer.Options);
            field.SetValue(copy, value);
        }
        return copy;
    }

    static List<FieldDiff> Differences(ResourceDescription resource, object before, object after) =>
        resource.Fields.Where(f => !f.ReadOnly)
            .Select(f => new FieldDiff(f.Column, Show(f, f.GetValue(before)), Show(f, f.GetValue(after))))
            .Where(d => d.Left != d.Right)
            .Select(d => resource.Fields.First(f => f.Column == d.Column).Kind == FieldKind.Json
                ? d with { Paths = JsonDiff.Compare(ParseOrText(d.Left), ParseOrText(d.Right)) } : d)
            .ToList();

    static JsonNode? ParseOrText(string? text)
    {
        if (text is null) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    static string? Show(ResourceField field, object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, field.ClrType, GameJsonSerializer.Options),
    };

    static string? Text(JsonNode node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();

    /// <summary>A cell (CSV text, or any JSON value) as the property's type.</summary>
    static object? Convert(ResourceField field, JsonNode? node)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (node is null || text is "" && type != typeof(string) && field.Kind != FieldKind.Json)
        {
            if (field.IsNullable || field.ClrType == typeof(string)) return field.ClrType == typeof(string) && field.Required ? "" : null;
            throw new FormatException("a value is required.");
        }
        if (field.Kind == FieldKind.Json)
        {
            if (type == typeof(string))
            {
                var json = text ?? node.ToJsonString();
                if (string.IsNullOrWhiteSpace(json)) return null;
                if (JsonErrorText.Check(json) is { } problem) throw new FormatException("not valid JSON. " + problem);
                return json;
            }
            if (text is not null)
            {
                var problems = DesignSchemas.Check(type, text);
                if (problems.Count > 0) throw new FormatException(DesignSchemas.Describe(problems));
                return JsonSerializer.Deserialize(text, type, GameJsonSerializer.Options);
            }
            var nodeProblems = DesignSchemas.Check(type, node.ToJsonString());
            if (nodeProblems.Count > 0) throw new FormatException(DesignSchemas.Describe(nodeProblems));
            return node.Deserialize(type, GameJsonSerializer.Options);
        }
        if (text is null) return node.Deserialize(field.ClrType, GameJsonSerializer.Options);
        if (type == typeof(string)) return text.Length == 0 && field.IsNullable ? null : text;
        if (type == typeof(bool))
            return text.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw new FormatException($"\"{text}\" is not true or false."),
            };
        if (type == typeof(Guid)) return Guid.TryParse(text, out var g) ? g : throw new FormatException($"\"{text}\" is not a UUID.");
        if (type == typeof(DateTime))
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : throw new FormatException($"\"{text}\" is not a date.");
        try { return System.Convert.ChangeType(text.Trim(), type, CultureInfo.InvariantCulture); }
        catch (FormatException) { throw new FormatException($"\"{text}\" is not a {(type == typeof(int) || type == typeof(long) ? "whole number" : "number")}."); }
    }

    static List<(int, Dictionary<string, JsonNode?>)> ParseJson(string content)
    {
        var root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (root is not JsonArray array) throw new FormatException("A JSON import is an array of objects.");
        var result = new List<(int, Dictionary<string, JsonNode?>)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject obj) throw new FormatException($"Element {i + 1} is not an object.");
            result.Add((i + 1, obj.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.OrdinalIgnoreCase)));
        }
        return result;
    }

    /// <summary>RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks. Line = the record's first line in the file.</summary>
    static List<(int, Dictionary<string, JsonNode?>)> ParseCsv(string content)
    {
        var records = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; cell.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || cell.Length > 0) { cells.Add(cell.ToString()); records.Add((start, cells)); }
                    cells = []; cell.Clear(); any = false; line++; start = line;
                    break;
                default: cell.Append(c); any = true; break;
            }
        }
        if (quoted) throw new FormatException($"A quoted cell starting on line {start} is never closed.");
        if (any || cell.Length > 0) { cells.Add(cell.ToString()); records.Add((start, cells)); }
        if (records.Count == 0) return [];
        var header = records[0].Cells.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        if (header.Distinct(StringComparer.OrdinalIgnoreCase).Count() != header.Count) throw new FormatException("The header row repeats a column.");
        var result = new List<(int, Dictionary<string, JsonNode?>)>();
        foreach (var (recordLine, values) in records.Skip(1))
        {
            if (values.Count != header.Count) throw new FormatException($"Line {recordLine} has {values.Count} cells; the header has {header.Count}.");
            result.Add((recordLine, header.Select((h, i) => (h, Unescape(values[i]))).Where(p => !p.h.Equals("id", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(p => p.h, p => (JsonNode?)JsonValue.Create(p.Item2), StringComparer.OrdinalIgnoreCase)));
        }
        return result;
    }

    /// <summary>Undoes the formula neutralisation of exports ('=…, '+…, '-…, '@…).</summary>
    static string Unescape(string cell) => cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' ? cell[1..] : cell;

    // ---------- full export ----------

    /// <summary>Every definition (all columns but timestamps and version, JSON columns as JSON) in import format.</summary>
    public async Task<string> ExportAsync(ResourceDescription resource, string format, CancellationToken ct = default, IReadOnlySet<Guid>? only = null)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        var ids = (await store.ExportAsync(resource, new ResourceQuery(), MaxRows, ct)).Select(r => r.Id).Where(id => only is null || id is Guid g && only.Contains(g)).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var fields = resource.Fields.Where(f => !f.IsPrimaryKey && !Ignored.Contains(f.Column)).ToList();
        var rows = new List<object>();
        foreach (var id in ids) if (await db.FindAsync(resource.EntityType, [id], ct) is { } e) rows.Add(e);
        if (format == "json")
        {
            var array = new JsonArray();
            foreach (var row in rows)
                array.Add(new JsonObject(fields.Select(f => KeyValuePair.Create(f.Column, f.GetValue(row) switch
                {
                    null => null,
                    string s when f.Kind == FieldKind.Json => JsonNode.Parse(s),
                    var v => JsonSerializer.SerializeToNode(v, f.ClrType, GameJsonSerializer.Options),
                }))));
            return array.ToJsonString(GameJsonSerializer.Indented);
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord([.. fields.Select(f => f.Column)]);
            foreach (var row in rows) csv.WriteRecord([.. fields.Select(f => Show(f, f.GetValue(row)) ?? "")]);
        }
        return writer.ToString();
    }
}
