using Chokepoint.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chokepoint.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.PartyKey).HasMaxLength(600).IsRequired();
        builder.Property(c => c.PartyName).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.PendingDecision);
        builder.HasIndex(c => new { c.PartyKey, c.Status });
        builder.HasMany(c => c.Alerts).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Alerts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Origin).HasMaxLength(32);
        builder.Property(a => a.RaisedBy).HasMaxLength(200);
        builder.HasMany(a => a.Matches).WithOne().HasForeignKey("AlertId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Matches).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => a.RaisedAt);
    }
}

internal sealed class AlertMatchConfiguration : IEntityTypeConfiguration<AlertMatch>
{
    public void Configure(EntityTypeBuilder<AlertMatch> builder)
    {
        builder.ToTable("alert_matches");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.EntityId).HasMaxLength(300);
        builder.Property(m => m.EntryHash).HasMaxLength(64);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.DecidedBy).HasMaxLength(200);
        builder.Property(d => d.ReviewedBy).HasMaxLength(200);
    }
}

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Suppression>
{
    public void Configure(EntityTypeBuilder<Suppression> builder)
    {
        builder.ToTable("suppressions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PartyKey).HasMaxLength(600);
        builder.Property(s => s.EntityId).HasMaxLength(300);
        builder.Property(s => s.EntryHash).HasMaxLength(64);
        builder.HasIndex(s => new { s.PartyKey, s.EntityId });
    }
}

internal sealed class MonitoredPartyConfiguration : IEntityTypeConfiguration<MonitoredParty>
{
    public void Configure(EntityTypeBuilder<MonitoredParty> builder)
    {
        builder.ToTable("monitored_parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ExternalId).HasMaxLength(200);
        builder.Property(p => p.Name).HasMaxLength(500);
        builder.Property(p => p.Schema).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Country).HasMaxLength(64);
        builder.Property(p => p.BirthDate).HasMaxLength(32);
        builder.HasIndex(p => p.ExternalId).IsUnique();
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.Actor).HasMaxLength(200);
        builder.Property(r => r.Action).HasMaxLength(100);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
    }
}

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.HasIndex(k => k.SecretHash).IsUnique();
    }
}

internal sealed class BatchJobConfiguration : IEntityTypeConfiguration<BatchJob>
{
    public void Configure(EntityTypeBuilder<BatchJob> builder)
    {
        builder.ToTable("batch_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(j => j.SubmittedBy).HasMaxLength(200);
        builder.HasIndex(j => j.Status);
    }
}

internal sealed class BatchItemConfiguration : IEntityTypeConfiguration<BatchItem>
{
    public void Configure(EntityTypeBuilder<BatchItem> builder)
    {
        builder.ToTable("batch_items");
        builder.HasKey(i => new { i.JobId, i.Index });
    }
}
