using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// Migrating and seeding a fresh SQLite file takes most of a minute, so the first run keeps a copy of the freshly
/// started database (before any test touched it) as a template, and later runs start from a copy of it: the app
/// then finds its migrations applied, its staff created and its demo data present, and starts in seconds.
/// The template is keyed by the app's assemblies (schema, seeder, start-up code), the seed settings and the day
/// (the demo data is relative to "now"), so any change to them makes a new one. E2E_FRESH_DB=1 never uses it.
/// </summary>
public static class TemplateDatabase
{
    static readonly string Folder = Path.Combine(Path.GetTempPath(), "gameops-e2e-templates");

    /// <summary>Where the template for these settings lives, or null when templates are off.</summary>
    public static string? PathFor(IReadOnlyDictionary<string, string> settings)
    {
        if (Environment.GetEnvironmentVariable("E2E_FRESH_DB") == "1") return null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var assembly in new[] { typeof(GameOps.Data.GameOpsDbContext).Assembly, typeof(Program).Assembly })
            hash.AppendData(File.ReadAllBytes(assembly.Location));
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("Seed:", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{key}={value};"));
        hash.AppendData(Encoding.UTF8.GetBytes(DateTime.UtcNow.ToString("yyyy-MM-dd")));
        return Path.Combine(Folder, Convert.ToHexString(hash.GetHashAndReset())[..24] + ".db");
    }

    /// <summary>Copies the template to <paramref name="databaseFile"/> when there is one; true if it did.</summary>
    public static bool TryRestore(string? template, string databaseFile)
    {
        if (template is null || !File.Exists(template)) return false;
        File.Copy(template, databaseFile, overwrite: true);
        return true;
    }

    /// <summary>Saves a consistent copy of the live database (SQLite's online backup) as the template.</summary>
    public static void Save(string? template, string databaseFile)
    {
        if (template is null || File.Exists(template)) return;
        Directory.CreateDirectory(Folder);
        var temporary = $"{template}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var source = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={temporary};Pooling=False"))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
            }
            File.Move(temporary, template); // another run may have won the race: then its copy stays
        }
        catch (IOException) { }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        // Templates of older builds and days are never used again.
        foreach (var old in Directory.EnumerateFiles(Folder, "*.db").Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddDays(-2)))
        {
            try { File.Delete(old); }
            catch (IOException) { }
        }
    }
}
