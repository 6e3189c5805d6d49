using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class CraftingRecipeConfiguration : IEntityTypeConfiguration<CraftingRecipe>
{
    public void Configure(EntityTypeBuilder<CraftingRecipe> builder)
    {
        builder.ToTable("crafting_recipes");
        builder.Property(e => e.RecipeId).HasMaxLength(64);
        builder.HasIndex(e => e.RecipeId).IsUnique();
        builder.HasOne(e => e.ResultItem).WithMany().HasForeignKey(e => e.ResultItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.RequiredSkill).HasMaxLength(128);
        builder.Property(e => e.SuccessRate).HasPrecision(18, 4);
    }
}
