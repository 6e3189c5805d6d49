using Microsoft.Data.Sqlite;

namespace GameOps.Tests.Infrastructure;

/// <summary>Fresh SQLite database files in the temp directory, one per test, deleted afterwards.</summary>
public static class SqliteFiles
{
    static readonly string Folder = Path.Combine(Path.GetTempPath(), "gameops-tests");

    /// <summary>A path that does not exist yet and its connection string (no pooling, so the file can be deleted).</summary>
    public static (string Path, string ConnectionString) Create()
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        return (path, connectionString);
    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
