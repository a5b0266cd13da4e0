using System.Reflection;
using NewsIngest.Ingestion.Tests.Fetching;
using NewsIngest.Ingestion.Tests.Frontier;
using NewsIngest.Ingestion.Tests.Passes;
using NewsIngest.Ingestion.Tests.Politeness;

namespace NewsIngest.Ingestion.Tests.Faults;

/// <summary>
/// The fault matrix of issue 14 and the test that shows each fault handled, against a real Kestrel server on loopback
/// unless said otherwise. Tests of this assembly are named with <c>nameof</c> (a renamed or deleted test breaks the
/// build); tests of the other test projects are named by their full name:
/// <list type="bullet">
/// <item>SIGTERM during a slow page (exit 130 with a summary): <c>NewsIngest.Cli.Tests.GracefulStopTests.SIGTERM_during_once_finishes_the_pages_in_flight_exits_130_and_the_next_run_completes_the_rest</c>
/// and <c>.SIGTERM_while_a_large_page_is_being_extracted_gives_it_up_after_the_grace_and_exits_130_with_a_summary</c>.</item>
/// <item>A body that never ends, in <c>extract URL</c> (total timeout): <c>NewsIngest.Cli.Tests.EndToEnd.ExtractUrlTests.A_body_that_never_ends_is_given_up_after_the_total_timeout_with_one_line</c>.</item>
/// <item>A body cut at the cap is marked in the record: <c>NewsIngest.Cli.Tests.EndToEnd.BodyCutTests.A_body_cut_at_the_cap_gives_a_record_with_the_body_cut_signal</c>.</item>
/// <item>robots.txt 5xx in a pass (exit 1, counted apart): <c>NewsIngest.Cli.Tests.EndToEnd.RobotsPassTests.A_503_robots_txt_is_counted_robots_unavailable_apart_from_denied_and_exits_1</c>.</item>
/// <item>A cooling host in <c>once</c>: <c>NewsIngest.Cli.Tests.EndToEnd.DeferredHostPassTests.The_cooling_host_is_deferred_shown_by_status_and_failures_and_not_asked_again_by_the_next_once</c>.</item>
/// <item>Full disk at start and during a pass: <c>NewsIngest.Cli.Tests.FullDiskTests</c>; deleting the state: <c>NewsIngest.Cli.Tests.StateRebuildTests</c>;
/// kills at every write step: <c>NewsIngest.Cli.Tests.CrashSafetyTests</c> (these run the executable on real files); a cut
/// committed last record and a garbage line in the last file: <c>NewsIngest.Cli.Tests.EndToEnd.DamagedOutputPassTests</c>.</item>
/// <item>Extraction alone (no HTTP): the token and attribute-flood bounds <c>NewsIngest.Extraction.Tests.Robustness.LinearRegexTests</c>,
/// <c>AttributeFloodTests</c>; the charset table <c>NewsIngest.Extraction.Tests.Text.CharsetTableTests</c>; 2,000 fuzzed pages
/// <c>NewsIngest.Extraction.Tests.Robustness.HostileFuzzTests</c>; the preview cap <c>PreviewCapTests</c>.</item>
/// </list>
/// </summary>
public sealed class FaultMatrix
{
    /// <summary>Each fault, the test class and the test of this assembly that shows it.</summary>
    public static readonly TheoryData<string, Type, string> Faults = new()
    {
        { "gzip bomb (cap on the decompressed body)", typeof(BodyTests), nameof(BodyTests.The_cap_applies_to_the_decompressed_body) },
        { "endless body (cut at the cap, connection let go)", typeof(BodyTests), nameof(BodyTests.A_body_that_never_ends_is_cut_at_the_cap_and_the_server_let_go) },
        { "huge body (cut at the cap and reported)", typeof(BodyTests), nameof(BodyTests.A_body_over_the_cap_is_cut_at_the_cap_and_reported) },
        { "slow server past the timeouts", typeof(RetryTests), nameof(RetryTests.A_slow_server_times_out_per_attempt_and_in_total) },
        { "503 Retry-After 3600 and a host answering 503 to everything", typeof(DeferralTests), nameof(DeferralTests.Cooling_hosts_are_deferred_the_healthy_ones_recorded_and_the_pass_waits_for_neither) },
        { "the deferred pages recorded after the cooldown", typeof(DeferralTests), nameof(DeferralTests.The_next_pass_keeps_the_cooldowns_and_streaks_of_the_last_and_after_the_cooldown_records_the_deferred_pages) },
        { "robots.txt 5xx", typeof(RobotsFetchTests), nameof(RobotsFetchTests.A_500_robots_txt_makes_the_host_unavailable_and_the_page_is_never_requested) },
        { "redirect loop", typeof(RedirectTests), nameof(RedirectTests.A_redirect_loop_stops_with_too_many_redirects) },
        { "endless redirect chain", typeof(RedirectTests), nameof(RedirectTests.An_endless_redirect_chain_stops_at_the_cap) },
        { "private address (a name resolving to loopback)", typeof(AddressGuardTests), nameof(AddressGuardTests.A_name_that_resolves_to_loopback_is_refused_when_connecting) },
        { "redirect to a private address", typeof(AddressGuardTests), nameof(AddressGuardTests.A_redirect_from_a_public_host_to_a_private_address_is_refused_before_it_is_sent) },
        { "malformed feed and entity expansion", typeof(NewsIngest.Ingestion.Tests.Discovery.SourceDiscovererTests), nameof(NewsIngest.Ingestion.Tests.Discovery.SourceDiscovererTests.Reports_entity_expansion_attacks_and_a_garbage_feed_without_losing_the_good_feed) },
        { "HTML bombs in flight (bytes in flight capped)", typeof(BodyBudgetTests), nameof(BodyBudgetTests.Six_pages_at_the_cap_are_requested_at_once_and_buffer_no_more_than_two_bodies_at_once) },
        { "a page waiting for room takes no host's turn", typeof(FrontierAdmissionTests), nameof(FrontierAdmissionTests.A_page_waiting_for_room_stays_queued_and_takes_no_turn_of_its_host) },
        { "a committed record cut short (its URL fetched again without validators)", typeof(NewsIngest.Ingestion.Tests.Storage.TornRecordResetTests), nameof(NewsIngest.Ingestion.Tests.Storage.TornRecordResetTests.A_cut_committed_last_record_sets_its_url_back_with_no_validators_and_leaves_the_others) },
        { "a line of the last file that is not a record (moved aside)", typeof(NewsIngest.Ingestion.Tests.Storage.BadLineRecoveryTests), nameof(NewsIngest.Ingestion.Tests.Storage.BadLineRecoveryTests.Bad_lines_in_the_middle_of_the_last_file_are_moved_aside_and_the_records_kept_byte_for_byte) },
        { "no room to move a bad line aside (real full disk)", typeof(NewsIngest.Ingestion.Tests.Storage.BadLineFullDiskTests), nameof(NewsIngest.Ingestion.Tests.Storage.BadLineFullDiskTests.Room_for_the_copy_but_not_for_the_rewrite_changes_nothing_and_leaves_no_file) },
        { "attribute flood, 200,000-char token, NUL byte, charsets, 100,000 <p>", typeof(HostilePagesOverHttpTests), nameof(HostilePagesOverHttpTests.Each_hostile_page_served_over_http_gives_its_record_with_the_right_text) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_of_the_matrix_has_a_test_that_runs(string fault, Type suite, string test)
    {
        var method = suite.GetMethod(test, BindingFlags.Public | BindingFlags.Instance);

        Assert.True(method is not null && method.GetCustomAttributes<FactAttribute>().Any(a => a.Skip is null), $"{fault}: {suite.Name}.{test} is not a test that runs");
    }
}
