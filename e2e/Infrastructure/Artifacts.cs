namespace GameOps.E2E.Infrastructure;

/// <summary>Where screenshots go: E2E_ARTIFACTS, or e2e/artifacts/ of the repository (git-ignored).</summary>
public static class Artifacts
{
    static readonly Lazy<string> root = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("E2E_ARTIFACTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(), "e2e", "artifacts");
        var screenshots = Path.Combine(folder, "screenshots");
        // Each run starts clean, so the folder shows exactly the last run's steps.
        if (Directory.Exists(screenshots)) Directory.Delete(screenshots, recursive: true);
        Directory.CreateDirectory(screenshots);
        return folder;
    });

    public static string Root => root.Value;

    public static string Screenshots => Path.Combine(Root, "screenshots");

    /// <summary>The folder holding GameOps.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No GameOps.sln above {AppContext.BaseDirectory}: set E2E_ARTIFACTS.");
    }

    /// <summary>A file name safe on every OS.</summary>
    public static string Safe(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
