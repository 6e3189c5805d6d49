using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using GameOps.Web.Resources;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// Issue 15: code that needs an entity type as a type argument reaches it through <see cref="ResourceDescription.Accept"/>, never
/// by building a generic method at run time and invoking it. (<c>Type.GetMethod</c> for expression trees stays allowed: without
/// <c>MakeGenericMethod</c> or <c>Invoke</c> it cannot dispatch.)
/// </summary>
public sealed class TypedDispatchTests
{
    static readonly (string Type, string Member)[] Forbidden =
    [
        ("System.Reflection.MethodInfo", "MakeGenericMethod"),
        ("System.Reflection.MethodBase", "Invoke"),
        ("System.Reflection.MethodInfo", "Invoke"),
        ("System.Reflection.ConstructorInfo", "Invoke"),
        ("System.Delegate", "DynamicInvoke"),
    ];

    [Fact]
    public void The_web_assembly_never_calls_reflection_dispatch()
    {
        using var stream = File.OpenRead(typeof(ResourceCatalog).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var calls = new List<string>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var typeName = $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
            var memberName = metadata.GetString(member.Name);
            if (Forbidden.Contains((typeName, memberName))) calls.Add($"{typeName}.{memberName}");
        }
        Assert.Empty(calls);
    }

    [Fact]
    public void No_source_file_of_the_web_project_builds_generic_methods_at_run_time()
    {
        var web = Path.Combine(RepositoryRoot(), "GameOps.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("MakeGenericMethod", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();
        Assert.Empty(offenders);
    }

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GameOps.sln not found above " + AppContext.BaseDirectory);
    }
}
