using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.IGate.Sandbox.CitizenChecks;
using IntegrationHub.Connectors.IGate.Sandbox.DeliveryStatuses;
using IntegrationHub.Connectors.IGate.Sandbox.Dossiers;
using IntegrationHub.Connectors.IGate.Sandbox.Evaluations;
using IntegrationHub.Connectors.IGate.Sandbox.Payments;
using IntegrationHub.Connectors.Sandboxing;

namespace IntegrationHub.Connectors.IGate;

/// <summary>The iGate sandbox's dossiers, for tests and the demo: generate, add, advance and inspect them in process.
/// Every change (creation included) bumps the dossier's version, stamps updatedAt with the sandbox's clock and appends
/// a progress entry, exactly as the changes endpoints then serve them. Fee payments and evaluations written through
/// iGate's API are kept beside each dossier (they do not change its version). Thread-safe.</summary>
public sealed class IGateDossierSet
{
    /// <summary>Bounds of one bulk call, so a typo cannot exhaust the process's memory.</summary>
    public const int MaxDossiersPerCall = 1_000_000;
    public const int MaxStatusChangesPerDossier = 50;

    internal IGateDossierSet(DossierStore store, SandboxIdempotencyBook writes, TimeProvider clock)
    {
        Store = store;
        PaymentLedger = new PaymentLedger(writes, store, clock);
        EvaluationBook = new EvaluationBook(writes, store, clock);
        CitizenCheckBook = new CitizenCheckBook(writes, store, clock);
        DeliveryStatusBook = new DeliveryStatusBook(writes, store, clock);
    }

    internal DossierStore Store { get; }

    internal PaymentLedger PaymentLedger { get; }

    internal EvaluationBook EvaluationBook { get; }

    internal CitizenCheckBook CitizenCheckBook { get; }

    internal DeliveryStatusBook DeliveryStatusBook { get; }

    public int Count => Store.Stats().Dossiers;

    /// <summary>Creates <paramref name="dossiers"/> dossiers (status <see cref="IGateDossierLifecycle.Initial"/>) and
    /// walks each through <paramref name="statusChangesPerDossier"/> valid transitions, fewer when it reaches a final
    /// status first. Data is drawn from the sandbox's seed.</summary>
    /// <returns>The new dossiers' maHoSo, in creation order.</returns>
    public IReadOnlyList<string> Generate(int dossiers, int statusChangesPerDossier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dossiers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dossiers, MaxDossiersPerCall);
        ArgumentOutOfRangeException.ThrowIfNegative(statusChangesPerDossier);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusChangesPerDossier, MaxStatusChangesPerDossier);
        return Store.Generate(dossiers, statusChangesPerDossier, exact: true);
    }

    /// <summary>Files one new dossier.</summary>
    /// <returns>Its maHoSo.</returns>
    public string Add() => Store.Generate(1, 0, exact: true)[0];

    /// <summary>Moves the dossier one valid step along its lifecycle (drawn by weight from <see cref="IGateDossierLifecycle.NextStatuses"/>).</summary>
    /// <returns>The new status.</returns>
    /// <exception cref="KeyNotFoundException">No such dossier.</exception>
    /// <exception cref="InvalidOperationException">Its status is final.</exception>
    public string Advance(string maHoSo)
    {
        ArgumentException.ThrowIfNullOrEmpty(maHoSo);
        return Store.Advance(maHoSo);
    }

    /// <summary>Advances up to <paramref name="count"/> dossiers drawn at random among the open ones.</summary>
    /// <returns>The maHoSo of each step taken (one dossier may appear more than once).</returns>
    public IReadOnlyList<string> AdvanceSome(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Store.AdvanceSome(count);
    }

    /// <returns>The dossier's latest version as the changes endpoint serves it; null when there is no such dossier.</returns>
    public JsonObject? Snapshot(string maHoSo) =>
        Store.Find(maHoSo) is { } dossier ? JsonSerializer.SerializeToNode(dossier, DossierJson.Options)!.AsObject() : null;

    /// <returns>The dossier's progress entries in stt order; empty when there is no such dossier.</returns>
    public IReadOnlyList<JsonObject> Progress(string maHoSo) =>
        [.. Store.Steps(maHoSo).Select(step => JsonSerializer.SerializeToNode(step, DossierJson.Options)!.AsObject())];

    /// <returns>The fee payments recorded for the dossier, in the order applied; empty when none (or no such dossier).</returns>
    public IReadOnlyList<IGateRecordedPayment> Payments(string maHoSo) => PaymentLedger.Of(maHoSo);

    /// <returns>The dossier's evaluations, in the order first applied; empty when none (or no such dossier).</returns>
    public IReadOnlyList<IGateRecordedEvaluation> Evaluations(string maHoSo) => EvaluationBook.Of(maHoSo);

    /// <returns>The latest verification of the dossier's applicant; null when none (or no such dossier).</returns>
    public IGateRecordedCitizenCheck? CitizenCheck(string maHoSo) => CitizenCheckBook.Of(maHoSo);

    /// <returns>The postal tracking events recorded for the dossier's result, in the order applied.</returns>
    public IReadOnlyList<IGateRecordedDeliveryStatus> DeliveryStatuses(string maHoSo) => DeliveryStatusBook.Of(maHoSo);

    /// <returns>What GET /sandbox/dossiers/{maHoSo} shows: the latest version with progress, payments (and whether
    /// the fees are paid) and evaluations; null when there is no such dossier.</returns>
    public JsonObject? View(string maHoSo) =>
        Snapshot(maHoSo) is { } dossier ? DossierView.Compose(dossier, Progress(maHoSo), Payments(maHoSo), Evaluations(maHoSo)) : null;

    /// <returns>Every maHoSo, in creation order.</returns>
    public IReadOnlyList<string> Codes() => Store.Codes();

    public IGateDossierStats Stats() => Store.Stats();
}
