using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the Aspire host; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SchedulingDbContext>
{
    public SchedulingDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SchedulingDbContext>().UseNpgsql("Host=localhost;Database=videoengager").UseSnakeCaseNamingConvention().Options);
}
