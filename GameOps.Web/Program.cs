using GameOps.Data.Entities;
using System.Threading.RateLimiting;
using GameOps.Data;
using GameOps.Web.Api;
using GameOps.Web.Auditing;
using GameOps.Web.Components;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Administration;
using GameOps.Web.Services.Analytics;
using GameOps.Web.Services.DataRequests;
using GameOps.Web.Services.Design;
using GameOps.Web.Services.LiveOps;
using GameOps.Web.Services.Moderation;
using GameOps.Web.Services.World;
using GameOps.Web.Startup;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddGameOpsConfiguration(args);

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentStaff>();
builder.Services.AddScoped<CircuitHandler, CurrentStaffCircuitHandler>();
builder.Services.AddScoped<StaffAuditInterceptor>();
builder.Services.AddScoped<StaffAuditRecorder>();
builder.Services.AddScoped<AuditChainVerifier>();
builder.Services.AddScoped<AuditTrailService>();
builder.Services.AddScoped<PersonalDataAccess>();
builder.Services.AddGameOpsData(sp => sp.GetRequiredService<IConfiguration>().GetDatabaseOptions(),
    (sp, options) => options.AddInterceptors(sp.GetRequiredService<StaffAuditInterceptor>(), sp.GetRequiredService<TableVersionInterceptor>()));

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices(GameOps.Web.Components.Layout.GameOpsTheme.ConfigureServices);
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
builder.Services.AddMemoryCache();
builder.Services.AddScoped<StaffSessions>();
builder.Services.AddScoped<StaffCookieEvents>();
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = StaffCookieEvents.KeepSessionClaim);
builder.AddGameOpsHttps();

builder.Services.AddAuthentication(o =>
{
    o.DefaultScheme = IdentityConstants.ApplicationScheme;
    o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
}).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.LogoutPath = "/account/logout";
    o.AccessDeniedPath = "/account/access-denied";
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(builder.Configuration.GetValue("Security:SessionHours", 8.0));
    o.Cookie.Name = "GameOps.Auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.EventsType = typeof(StaffCookieEvents);
});
builder.Services.AddIdentityCore<StaffUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.SignIn.RequireConfirmedAccount = false;
    })
    .AddRoles<StaffRole>()
    .AddEntityFrameworkStores<GameOpsDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<CommonPasswordValidator>();
builder.Services.AddAuthorization(o => o.AddGameOpsPolicies());

builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.OnRejected = SignInEndpoints.TooManyAttemptsAsync;
    var perMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 20);
    o.AddPolicy(SignInEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
});

builder.Services.AddGameOpsResources();
builder.Services.AddDesignWorkspace().AddModerationWorkspace().AddLiveOpsWorkspace().AddWorldWorkspace().AddAnalyticsWorkspace().AddAdministrationWorkspace();
builder.Services.AddScoped<GameOps.Web.Services.Shell.PageContext>();
builder.Services.AddScoped<GameOps.Web.Services.Shell.StaffPreferences>();
builder.Services.AddScoped<GameOps.Web.Services.Shell.GlobalSearchService>();
builder.Services.AddScoped<GameOps.Web.Services.Home.HomeSummaryService>();
GameOps.Web.Infrastructure.ScaleOut.AddGameOpsScaleOut(builder);
GameOps.Web.Startup.WarmupExtensions.AddWarmup(builder.Services);
builder.Services.AddAdminApi(builder.Configuration);
builder.Services.AddDataRequests();

var app = builder.Build();

if (args.Contains("migrate"))
{
    await DatabaseStartup.MigrateAsync(app.Services, args);
    Console.WriteLine($"Migrations applied ({app.Services.GetRequiredService<DatabaseOptions>().Provider}).");
    return;
}

app.EnsurePublishedAssets();
await DatabaseStartup.InitializeAsync(app);
GameOps.Web.Infrastructure.ScaleOut.UseGameOpsScaleOut(app);

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseGameOpsHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseMiddleware<StaffGateMiddleware>();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UsePermissionDeniedAsForbidden();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // our one CSP header says frame-ancestors 'none'
app.MapSignInEndpoints();
app.MapHealthEndpoint();
GameOps.Web.Startup.WarmupExtensions.MapReadiness(app);
app.MapExportEndpoints();
app.MapAdminApi();
app.MapDataRequestEndpoints();
app.MapDesignEndpoints().MapModerationEndpoints().MapLiveOpsEndpoints().MapWorldEndpoints().MapAnalyticsEndpoints().MapAdministrationEndpoints();

app.Run();

/// <summary>Exposed for WebApplicationFactory in tests.</summary>
public partial class Program;
