using System.Security.Claims;
using System.Text;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Web.Services.Design;

/// <summary>The Design workspace's services and endpoints, registered from Program.cs.</summary>
public static class DesignWorkspace
{
    public static IServiceCollection AddDesignWorkspace(this IServiceCollection services)
    {
        services.AddScoped<DesignDefinitionService>();
        services.AddScoped<DesignHistoryService>();
        services.AddScoped<DesignImportService>();
        services.AddScoped<DesignInsightQueries>();
        services.AddScoped<DesignKeys>();
        services.AddScoped<DesignBulkService>();
        return services;
    }

    /// <summary><c>GET /design/export/{slug}.json|csv</c>: whole definitions (JSON columns included) in the format imports read; audited.</summary>
    public static IEndpointRouteBuilder MapDesignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/design/export/{slug}.{format}", async (string slug, string format, HttpContext http, ResourceCatalog catalog, DesignImportService import, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            if (catalog.Find(slug) is not { Workspace: "Design" } resource) return Results.NotFound();
            if (!http.User.Has(resource.ReadPermission)) return Results.Forbid();
            if (format is not ("json" or "csv")) return Results.BadRequest("Format must be csv or json.");
            // ?ids=…: the rows selected in a design list; otherwise every row.
            var ids = (http.Request.Query["ids"].ToString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Guid.TryParse(s, out var g) ? g : (Guid?)null).ToList();
            if (ids.Any(i => i is null)) return Results.BadRequest("ids must be row ids separated by commas.");
            var selection = ids.Count > 0 ? ids.Select(i => i!.Value).ToHashSet() : null;
            var text = await import.ExportAsync(resource, format, ct, selection);
            await audit.RecordAsync("export", resource.Table, null, new { format, full = selection is null, rows = selection?.Count });
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm");
            return Results.File(Encoding.UTF8.GetBytes(text), format == "csv" ? "text/csv; charset=utf-8" : "application/json", $"{resource.Table}-full-{stamp}.{format}");
        }).RequireAuthorization(Policies.Design);
        return endpoints;
    }
}
