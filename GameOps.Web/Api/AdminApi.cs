using System.Globalization;
using System.Threading.RateLimiting;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace GameOps.Web.Api;

/// <summary>
/// The admin API under <c>/api/v1</c>: personal access tokens only (a cookie is never accepted, so no call can be forged from a
/// browser), every call authorised by <see cref="PermissionChecks"/> inside the endpoint or the service it calls, errors as RFC 9457
/// problem details, a per-token rate limit. The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/scalar</c>)
/// are for signed-in staff.
/// </summary>
public static class AdminApi
{
    public const string Prefix = "/api/v1";
    public const string RateLimitPolicy = "api-token";
    public const string TokenPolicy = "ApiToken";

    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ApiPersonalData>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower)));
        services.AddOpenApi("v1", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true);
        new AuthenticationBuilder(services).AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(TokenPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, new ApiRateLimitPolicy()));
        return services;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Staff);
        endpoints.MapScalarApiReference("/scalar", o => o.WithTitle("GameOps admin API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(Policies.Staff);

        var api = endpoints.MapGroup(Prefix)
            .RequireAuthorization(TokenPolicy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(ActAsTokenAsync)
            .WithTags("GameOps");
        api.MapPlayersApi();
        api.MapReportsApi();
        api.MapDesignApi();
        api.MapLiveOpsApi();
        api.MapAnalyticsApi();
        api.MapAuditApi();
        endpoints.MapFallback(Prefix + "/{**rest}", () => Results.Problem(statusCode: 404, title: "Not found", detail: "There is no such API endpoint."))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Makes the token's principal the acting staff member of the request (the audit trail records the token's name with every
    /// change) and turns a refused permission into 403 problem details.
    /// </summary>
    static async ValueTask<object?> ActAsTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        var name = user.FindFirst(ApiTokenScopes.TokenNameClaim)?.Value ?? "?";
        var agent = http.Request.Headers.UserAgent.ToString();
        var label = $"api-token \"{name}\"" + (agent.Length > 0 ? " · " + agent : "");
        http.RequestServices.GetRequiredService<CurrentStaff>().Use(user, http.Connection.RemoteIpAddress?.ToString(), label[..Math.Min(label.Length, 512)]);
        try
        {
            return await next(context);
        }
        catch (PermissionDeniedException denied)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: denied.Message + " (the token's scopes and its owner's role must both grant it)");
        }
        catch (BadHttpRequestException bad)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: bad.Message);
        }
    }

    /// <summary>One fixed window per token; a rejected call gets 429 problem details and <c>Retry-After</c>.</summary>
    sealed class ApiRateLimitPolicy : IRateLimiterPolicy<string>
    {
        // Read per request (once per token partition): the host's final configuration, tests' overrides included.
        static int PerMinute(HttpContext http) => http.RequestServices.GetRequiredService<IConfiguration>().GetValue("Api:RequestsPerMinute", 120);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This token may make {PerMinute(context.HttpContext)} calls a minute; retry in {seconds} s.").ExecuteAsync(context.HttpContext);
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter(httpContext.User.ApiTokenId()?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute(httpContext), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}

/// <summary>Shared answers of the API endpoints.</summary>
public static class ApiResults
{
    public static IResult Refused(string message, int status = StatusCodes.Status422UnprocessableEntity) =>
        Results.Problem(statusCode: status, title: status == 404 ? "Not found" : status == 409 ? "Conflict" : "Refused", detail: message);

    public static IResult NotFound(string what) => Refused($"{what} was not found.", StatusCodes.Status404NotFound);

    public static IResult Invalid(IEnumerable<GameOps.Web.Resources.ValidationIssue> issues) =>
        Results.ValidationProblem(issues.Where(i => !i.IsWarning).GroupBy(i => i.Field ?? "")
            .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()), title: "The request is not valid.");

    /// <summary>
    /// The first write rule the input breaks, as a validation problem under the rule's field with the message the UI
    /// shows; null when the input keeps every rule (the service checks the same rules again).
    /// </summary>
    public static IResult? Broken<T>(GameOps.Web.Services.WriteRules<T> rules, T input) =>
        rules.FirstBroken(input, DateTime.UtcNow) is { } broken
            ? Results.ValidationProblem(new Dictionary<string, string[]> { [broken.Rule.Field ?? ""] = [broken.Message] }, title: "The request is not valid.")
            : null;

    /// <summary>A page of a keyset-paged list: <c>next</c> is the cursor of the following page, null on the last.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

    public static int PageSize(int? limit) => Math.Clamp(limit ?? 50, 1, 200);
}
