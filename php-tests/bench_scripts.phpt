--TEST--
bench/: the workload scripts run and report what the runner reads (small N, so they cannot rot between benchmark runs)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('bench');
[$brokers, $cluster] = test_brokers([$topic => 4]);
$bench = __DIR__ . '/../bench';
$runs = [
    'produce poll' => ['produce.php', ['MODE' => 'poll', 'N' => '2000']],
    'produce nopoll' => ['produce.php', ['MODE' => 'nopoll', 'N' => '2000']],
    'produce dr' => ['produce.php', ['MODE' => 'dr', 'N' => '2000']],
    'produce block' => ['produce.php', ['MODE' => 'block', 'N' => '2000']],
    'produce noflush' => ['produce.php', ['MODE' => 'noflush', 'N' => '2000']],
    'consume' => ['consume.php', ['N' => '10000']],
    'unreachable' => ['unreachable.php', ['N' => '500']],
];
foreach ($runs as $label => [$script, $env]) {
    [$status, $out, $err] = run_php_file("$bench/$script", [], $env + ['BROKERS' => $brokers, 'TOPIC' => $topic]);
    $result = json_decode(trim($out), true);
    $fields = is_array($result) ? array_intersect(['row', 'messages', 'msgs_per_s', 'mb_per_s', 'rss_peak_kib', 'php_peak_bytes'], array_keys($result)) : [];
    printf("%s: exit %d, fields %d/6, messages %s%s\n", $label, $status, count($fields), $result['messages'] ?? '?',
        isset($result['delivered']) ? ", delivered {$result['delivered']}" : '');
    if ($status !== 0) {
        echo $err;
    }
}
// The soak starts its own out-of-process mock cluster.
[$status, $out, $err] = run_php_file("$bench/soak.php", [], ['N' => '20000', 'BATCH' => '5000', 'SAMPLES' => '2']);
echo 'soak: exit ', $status, ', ', preg_match('/^produced and delivered 20000 \(failed 0\), consumed 20000, rebalance callbacks \d+, offset commit callbacks \d+, error callbacks 0$/m', $out) ? 'all delivered and consumed' : $out . $err, "\n";
?>
--EXPECT--
produce poll: exit 0, fields 6/6, messages 2000
produce nopoll: exit 0, fields 6/6, messages 2000
produce dr: exit 0, fields 6/6, messages 2000, delivered 2000
produce block: exit 0, fields 6/6, messages 2000
produce noflush: exit 0, fields 6/6, messages 2000
consume: exit 0, fields 6/6, messages 10000
unreachable: exit 0, fields 6/6, messages 500
soak: exit 0, all delivered and consumed
