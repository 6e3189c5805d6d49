namespace GameOps.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds <c>GameOps.sln</c>.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("GameOps.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
