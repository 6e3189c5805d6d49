using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Design;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Api;

/// <summary>
/// Items, quests and recipes: the same resource descriptions, validation (field rules and the integrity checks) and
/// concurrency-checked save as the editors, through <see cref="ResourceStore"/>. Bodies and answers are the rows in the
/// schema's snake_case. <c>ETag</c> is the row's version; an update needs <c>If-Match</c> and answers 412 when it is stale.
/// </summary>
public static class DesignApi
{
    static readonly Dictionary<string, Type> Kinds = new()
    {
        ["items"] = typeof(Item),
        ["quests"] = typeof(Quest),
        ["recipes"] = typeof(CraftingRecipe),
    };

    public static void MapDesignApi(this RouteGroupBuilder api)
    {
        var design = api.MapGroup("/design/{kind}").WithTags("Design");

        design.MapGet("/", ListAsync).WithSummary("List with filters (?q=key prefix, ?is_active=true, any filterable column=value) and a keyset cursor");
        design.MapGet("/{key}", GetAsync).WithSummary("One row by its key (item_id, quest_id, recipe_id); ETag = version");
        design.MapPost("/", CreateAsync).WithSummary("Create a row (validated like the editor)");
        design.MapPut("/{key}", UpdateAsync).WithSummary("Update a row: the body's fields replace the stored ones; If-Match: the version you read (412 when stale)");
        design.MapGet("/export", ExportAsync).WithSummary("Every row in the import format (?format=json|csv)");
        design.MapPost("/import", ImportAsync).WithSummary("Import a .json or .csv body (?format=json|csv); ?dry_run=true (default) answers the preview only");
    }

    static ResourceDescription? Resource(ResourceCatalog catalog, string kind) => Kinds.TryGetValue(kind, out var type) ? catalog.For(type) : null;

    static async Task<IResult> ListAsync(string kind, HttpContext http, string? q, string? cursor, int? limit, CurrentStaff staff, ResourceCatalog catalog,
        IDbContextFactory<GameOpsDbContext> contexts, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.ReadPermission);
        var after = ApiCursor.Decode(cursor);
        if (after == "") return ApiResults.Refused("The cursor is not valid.", 400);
        var filters = new Dictionary<string, string>();
        foreach (var name in resource.Filters)
        {
            var field = resource.Field(name);
            if (http.Request.Query.TryGetValue(field.Column, out var value) && !string.IsNullOrEmpty(value)) filters[name] = value.ToString();
        }
        return await resource.Accept(new ListVisitor(contexts, q, after, filters, ApiResults.PageSize(limit), ct));
    }

    sealed class ListVisitor(IDbContextFactory<GameOpsDbContext> contexts, string? q, string? after, Dictionary<string, string> filters, int size, CancellationToken ct)
        : IResourceVisitor<Task<IResult>>
    {
        public Task<IResult> Visit<T>(ResourceDescription<T> resource) where T : class, new() => ListCoreAsync(resource, contexts, q, after, filters, size, ct);
    }

    static async Task<IResult> ListCoreAsync<T>(ResourceDescription<T> resource, IDbContextFactory<GameOpsDbContext> contexts, string? q, string? after,
        Dictionary<string, string> filters, int size, CancellationToken ct) where T : class, new()
    {
        var key = resource.BusinessKey!;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Set<T>().AsNoTracking();
        foreach (var (name, text) in filters)
        {
            var type = Nullable.GetUnderlyingType(resource.Field(name).ClrType) ?? resource.Field(name).ClrType;
            try
            {
                if (type == typeof(string)) query = query.Where(e => EF.Property<string>(e, name) == text);
                else if (type == typeof(bool)) { var b = bool.Parse(text); query = query.Where(e => EF.Property<bool>(e, name) == b); }
                else if (type == typeof(int)) { var i = int.Parse(text, CultureInfo.InvariantCulture); query = query.Where(e => EF.Property<int>(e, name) == i); }
                else return ApiResults.Refused($"{resource.Field(name).Column} cannot be filtered by the API.", 400);
            }
            catch (FormatException)
            {
                return ApiResults.Refused($"{resource.Field(name).Column}: '{text}' is not a {type.Name}.", 400);
            }
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var prefix = q.Trim();
            query = query.Where(e => EF.Property<string>(e, key).StartsWith(prefix));
        }
        if (after is not null) query = query.Where(e => string.Compare(EF.Property<string>(e, key), after) > 0);
        var rows = await query.OrderBy(e => EF.Property<string>(e, key)).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? ApiCursor.Encode((string)resource.Field(key).GetValue(rows[size - 1])!) : null;
        return Results.Ok(new ApiResults.Page<JsonNode?>(rows.Take(size).Select(r => JsonSerializer.SerializeToNode(r, typeof(T), GameJsonSerializer.Options)).ToList(), next));
    }

    static async Task<object?> FindByKeyAsync(ResourceDescription resource, IDbContextFactory<GameOpsDbContext> contexts, string key, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await resource.Accept(new FindVisitor(db, key, ct));
    }

    sealed class FindVisitor(GameOpsDbContext db, string key, CancellationToken ct) : IResourceVisitor<Task<object?>>
    {
        public async Task<object?> Visit<T>(ResourceDescription<T> resource) where T : class, new()
        {
            var keyName = resource.BusinessKey!;
            return await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => EF.Property<string>(e, keyName) == key, ct);
        }
    }

    static async Task<IResult> GetAsync(string kind, string key, HttpContext http, CurrentStaff staff, ResourceCatalog catalog, IDbContextFactory<GameOpsDbContext> contexts, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.ReadPermission);
        if (await FindByKeyAsync(resource, contexts, key, ct) is not { } entity) return ApiResults.NotFound($"{resource.SingularTitle} '{key}'");
        return Row(http, resource, entity);
    }

    static IResult Row(HttpContext http, ResourceDescription resource, object entity, int status = 200)
    {
        if (ETagOf(resource, entity) is { } etag) http.Response.Headers.ETag = etag;
        return Results.Json(JsonSerializer.SerializeToNode(entity, resource.EntityType, GameJsonSerializer.Options), GameJsonSerializer.Options, statusCode: status);
    }

    static string? ETagOf(ResourceDescription resource, object entity) => resource.ConcurrencyToken is { } token
        ? "\"" + (resource.Field(token).GetValue(entity) switch { DateTime d => d.Ticks.ToString(CultureInfo.InvariantCulture), var v => Convert.ToString(v, CultureInfo.InvariantCulture) }) + "\""
        : null;

    static object? ParseETag(ResourceDescription resource, string header)
    {
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        var type = resource.Field(resource.ConcurrencyToken!).ClrType;
        if (type == typeof(int) && int.TryParse(text, CultureInfo.InvariantCulture, out var version)) return version;
        if (type == typeof(DateTime) && long.TryParse(text, CultureInfo.InvariantCulture, out var ticks)) return new DateTime(ticks, DateTimeKind.Utc);
        return null;
    }

    internal static async Task<JsonObject?> BodyAsync(HttpContext http, CancellationToken ct)
    {
        try { return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject; }
        catch (JsonException) { return null; }
    }

    /// <summary>The stored (or new) row with the body's fields laid over it, as an entity; null when the body does not fit.</summary>
    internal static object? Merge(ResourceDescription resource, object baseline, JsonObject body, out string? error)
    {
        error = null;
        var merged = JsonSerializer.SerializeToNode(baseline, resource.EntityType, GameJsonSerializer.Options)!.AsObject();
        foreach (var (name, value) in body) merged[name] = value?.DeepClone();
        try { return merged.Deserialize(resource.EntityType, GameJsonSerializer.Options); }
        catch (JsonException ex) { error = ex.Message; return null; }
    }

    static async Task<IResult> CreateAsync(string kind, HttpContext http, CurrentStaff staff, ResourceCatalog catalog, ResourceStore store, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.WritePermission ?? Permission.RawDataWrite);
        if (await BodyAsync(http, ct) is not { } body) return ApiResults.Refused("Send the row as a JSON object.", 400);
        body.Remove("id");
        if (Merge(resource, resource.NewEntity(), body, out var error) is not { } entity) return ApiResults.Refused(error!, 400);
        resource.IdField.SetValue(entity, Guid.CreateVersion7());
        var result = await store.SaveAsync(resource, entity, isNew: true, originalToken: null, ct: ct);
        return Saved(http, resource, result, 201);
    }

    static async Task<IResult> UpdateAsync(string kind, string key, HttpContext http, CurrentStaff staff, ResourceCatalog catalog, ResourceStore store,
        IDbContextFactory<GameOpsDbContext> contexts, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.WritePermission ?? Permission.RawDataWrite);
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch)) return ApiResults.Refused("Send If-Match with the ETag (version) you read, so a concurrent change is not overwritten.", StatusCodes.Status428PreconditionRequired);
        if (ParseETag(resource, ifMatch) is not { } token) return ApiResults.Refused("If-Match is not an ETag of this resource.", 400);
        if (await FindByKeyAsync(resource, contexts, key, ct) is not { } stored) return ApiResults.NotFound($"{resource.SingularTitle} '{key}'");
        if (await BodyAsync(http, ct) is not { } body) return ApiResults.Refused("Send the fields to change as a JSON object.", 400);
        body.Remove("id");
        if (Merge(resource, stored, body, out var error) is not { } entity) return ApiResults.Refused(error!, 400);
        var result = await store.SaveAsync(resource, entity, isNew: false, originalToken: token, ct: ct);
        return Saved(http, resource, result, 200);
    }

    internal static IResult Saved(HttpContext http, ResourceDescription resource, SaveResult result, int status) => result.Outcome switch
    {
        SaveOutcome.Saved => Row(http, resource, result.Entity!, status),
        SaveOutcome.Invalid => ApiResults.Invalid(result.Issues),
        SaveOutcome.Conflict => ApiResults.Refused("Someone else saved this row after the version you sent; GET it again and retry.", StatusCodes.Status412PreconditionFailed),
        SaveOutcome.NotFound => ApiResults.Refused(result.Issues.FirstOrDefault()?.Message ?? "Not found.", 404),
        _ => ApiResults.Refused(string.Join(" ", result.Issues.Select(i => i.Message)), 409),
    };

    static async Task<IResult> ExportAsync(string kind, string? format, CurrentStaff staff, ResourceCatalog catalog, DesignImportService import, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.ReadPermission);
        format = format is "csv" ? "csv" : "json";
        var text = await import.ExportAsync(resource, format, ct);
        return Results.Text(text, format == "csv" ? "text/csv" : "application/json");
    }

    static async Task<IResult> ImportAsync(string kind, string? format, bool? dry_run, HttpContext http, CurrentStaff staff, ResourceCatalog catalog, DesignImportService import, CancellationToken ct)
    {
        if (Resource(catalog, kind) is not { } resource) return ApiResults.NotFound($"'{kind}'");
        await staff.DemandAsync(resource.WritePermission ?? Permission.RawDataWrite);
        using var reader = new StreamReader(http.Request.Body);
        var content = await reader.ReadToEndAsync(ct);
        var fileName = $"{kind}.{(format is "csv" ? "csv" : "json")}";
        if (dry_run ?? true) return Results.Ok(new { applied = false, preview = await import.PreviewAsync(resource, fileName, content, ct) });
        var result = await import.ApplyAsync(resource, fileName, content, ct);
        return result.Applied ? Results.Ok(new { applied = true, result.Message, preview = result.Preview })
            : Results.Problem(statusCode: 422, title: "Not imported", detail: result.Message, extensions: new Dictionary<string, object?> { ["preview"] = result.Preview });
    }
}
