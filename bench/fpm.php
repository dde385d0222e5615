<?php
// The PHP-FPM benchmark: requests/s and latency of a web request that creates
// a producer, produces one 100-byte message and flushes, under a real php-fpm,
// against a mock cluster in this (another) process. Rows, all in one run:
//   baseline        a no-op request script
//   non-persistent  a new librdkafka handle per request (what php-rdkafka does)
//   persistent      rdkafka_rs.persistent: the worker's handle is reused
//   usleep(100)     no Kafka: a request that sleeps 100 µs, for reference (what
//                   one wait mid-request costs on this machine)
// (and php-rdkafka's non-persistent row, given PHP_RDKAFKA_SO=path/to/rdkafka.so).
// For each: how much latency Kafka adds over the baseline, and how many TCP
// connections reached the broker: the kernel's count of accepted connections
// (PassiveOpens, less the FastCGI ones; exact on an otherwise idle machine) and,
// to cross-check, the ApiVersions handshakes the mock received (librdkafka sends
// two per connection to the mock: its first version is refused, then retried).
// Also how long flush() waited inside the request script, and, given
// RDKAFKA_RS_CEILING (the bench/ceiling.rs binary; bench/run-fpm builds it), the
// floor: the same produce + flush round trip from Rust on one kept librdkafka
// handle, no PHP at all, measured in the same rounds against the same mock.
//
//   bench/run-fpm [-n REQUESTS] [-w WORKERS]   (runs this with the built extension)
require __DIR__ . '/fpm/FpmPool.php';
require __DIR__ . '/fpm/FastCgiClient.php';

$options = getopt('n:w:');
$requests = (int) ($options['n'] ?? 2000);
$workers = (int) ($options['w'] ?? 2);
$extension = getenv('RDKAFKA_RS_EXTENSION') ?: ini_get('extension');
$theirs = getenv('PHP_RDKAFKA_SO') ?: null;
$ceiling = getenv('RDKAFKA_RS_CEILING') ?: null;
if (!class_exists('RdKafka\Mock\Cluster') || !is_file((string) $extension)) {
    fwrite(STDERR, "bench/fpm.php needs rdkafka-rs loaded and RDKAFKA_RS_EXTENSION set to its path\n");
    exit(2);
}
if (FpmPool::binary() === null) {
    fwrite(STDERR, "php-fpm not found: apt-get install php8.2-fpm, or set PHP_FPM\n");
    exit(2);
}
$www = __DIR__ . '/fpm/www';
$topic = 'fpm-bench';
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic($topic, 4);
$brokers = $cluster->getBootstraps();
$cluster->startRequestTracking();
$handshakes = function () use ($cluster): int {
    $count = count(array_filter($cluster->getRequests(), fn ($request) => $request['api_key'] === 18));
    $cluster->clearRequests();
    return $count;
};

// One handle's handshakes and connections, to turn the mock's count into connections.
$opens = tcp_passive_opens();
$conf = new RdKafka\Conf();
$conf->set('bootstrap.servers', $brokers);
$producer = new RdKafka\Producer($conf);
$producer->newTopic($topic)->produce(RD_KAFKA_PARTITION_UA, 0, str_repeat('x', 100));
$producer->flush(5000);
unset($producer, $conf);
usleep(100000);
$handle_connections = tcp_passive_opens() - $opens;
$handle_handshakes = $handshakes();
fprintf(STDERR, "bench/fpm: mock at %s; one handle opens %d connection(s) (%d ApiVersions handshakes); %d requests per row, %d workers\n",
    $brokers, $handle_connections, $handle_handshakes, $requests, $workers);

/** One row: its own php-fpm, its request, and what its requests measured so far. */
final class Row
{
    public FpmPool $fpm;
    public array $latencies = [];
    /** @var list<float> how long flush() waited in each request, in microseconds */
    public array $flushes = [];
    public float $elapsed = 0.0;
    public int $connections = 0;
    public int $handshakes = 0;
    public array $errors = [];

    public function __construct(public string $label, string $extension, public string $script, public array $query, int $workers)
    {
        $this->fpm = new FpmPool($extension, $workers);
    }
}

/** The value below which a share $q of $values lies (nearest rank). */
function quantile(array $values, float $q): float
{
    sort($values);
    return $values[min(count($values) - 1, (int) floor($q * count($values)))];
}

/** @return list<float> the ceiling's produce + flush round trips, in microseconds */
function ceiling_round_trips(string $ceiling, string $brokers, string $topic, int $count): array
{
    $output = shell_exec(sprintf('%s roundtrip %s %s %d 100', escapeshellarg($ceiling), escapeshellarg($brokers), escapeshellarg($topic), $count));
    $answer = json_decode((string) $output, true);
    if (!is_array($answer) || !isset($answer['microseconds'])) {
        fwrite(STDERR, "bench/fpm: the Rust round trip failed: $output\n");
        return [];
    }
    return $answer['microseconds'];
}

$rows = [
    new Row('baseline (no-op)', $extension, "$www/noop.php", [], $workers),
    new Row('non-persistent', $extension, "$www/produce.php", [], $workers),
    new Row('persistent', $extension, "$www/produce.php", ['persistent' => 1], $workers),
    new Row('usleep(100), no Kafka', $extension, "$www/sleep.php", [], $workers),
];
if ($theirs) {
    // The librdkafka version php-rdkafka runs on, for the row's label.
    $version = (int) shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension=' . escapeshellarg($theirs) . ' -r "echo RD_KAFKA_VERSION;"');
    $label = sprintf('php-rdkafka (librdkafka %d.%d.%d)', $version >> 24, ($version >> 16) & 0xff, ($version >> 8) & 0xff);
    $rows[] = new Row($label, $theirs, "$www/produce.php", [], $workers);
}
// The rows take turns, a slice of requests each per round, so that the machine's
// drift over the run (a busy neighbour, CPU frequency) weighs on every row alike.
$rounds = max(1, min(10, intdiv($requests, 100)));
for ($round = 0; $round < $rounds; $round++) {
    $slice = intdiv($requests, $rounds) + ($round < $requests % $rounds ? 1 : 0);
    foreach ($rows as $row) {
        $params = fn (int $i) => [
            'SCRIPT_FILENAME' => $row->script, 'SCRIPT_NAME' => '/' . basename($row->script), 'REQUEST_METHOD' => 'GET',
            'QUERY_STRING' => http_build_query($row->query + ['id' => "$row->label-$round-$i"]),
            'KAFKA_BROKERS' => $brokers, 'KAFKA_TOPIC' => $topic,
        ];
        $check = function (int $i, string $body, string $stderr, float $latency) use ($row) {
            $row->latencies[] = $latency;
            $answer = json_decode($body, true);
            if (isset($answer['flush_us'])) {
                $row->flushes[] = $answer['flush_us'];
            }
            if ($body !== 'ok' && (!is_array($answer) || ($answer['flushed'] ?? null) !== 0) || $stderr !== '') {
                $row->errors[] = "request $i: $body $stderr";
            }
        };
        $handshakes();
        $opens = tcp_passive_opens();
        $row->elapsed += fastcgi_run($row->fpm->address, $workers, $slice, $params, $check);
        $row->connections += tcp_passive_opens() - $opens - $workers; // less the FastCGI connections
        $row->handshakes += $handshakes();
    }
    if ($ceiling !== null) {
        $round_trips = array_merge($round_trips ?? [], ceiling_round_trips($ceiling, $brokers, $topic, $slice));
    }
}
$broker_port = (int) substr($brokers, strrpos($brokers, ':') + 1);
usleep(200000);
$figures = [];
foreach ($rows as $row) {
    $open_at_end = $row->fpm->connectionsTo($broker_port);
    $log = $row->fpm->stop();
    if ($row->errors) {
        fwrite(STDERR, "bench/fpm: $row->label: " . count($row->errors) . " failed request(s), first: {$row->errors[0]}\n$log\n");
    }
    $at = fn (float $q) => quantile($row->latencies, $q) / 1000;
    $figures[] = [
        'row' => $row->label,
        'requests_per_s' => count($row->latencies) / $row->elapsed,
        'p50_ms' => $at(0.50),
        'p99_ms' => $at(0.99),
        'mean_ms' => array_sum($row->latencies) / count($row->latencies) / 1000,
        'flush_p50_ms' => $row->flushes ? quantile($row->flushes, 0.5) / 1000 : null,
        'broker_connections' => max(0, $row->connections),
        'handshakes' => $row->handshakes,
        'open_at_end' => $open_at_end,
        'failed' => count($row->errors),
    ];
}
$rows = $figures;

$baseline = $rows[0];
printf("\nPHP-FPM, %d requests per row in %d interleaved rounds, %d workers per row, %d kept-open FastCGI connections; mock cluster in another process\n\n", $requests, $rounds, $workers, $workers);
printf("| %-31s | %9s | %8s | %8s | %8s | %12s | %13s | %15s | %18s | %11s | %11s |\n", 'request', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'added p50 ms', 'added mean ms', 'flush() p50 ms', 'broker connections', 'ApiVersions', 'open at end');
printf("|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n", str_repeat('-', 33), str_repeat('-', 11), str_repeat('-', 10), str_repeat('-', 10), str_repeat('-', 10), str_repeat('-', 14), str_repeat('-', 15), str_repeat('-', 17), str_repeat('-', 20), str_repeat('-', 13), str_repeat('-', 13));
foreach ($rows as $row) {
    $added = $row === $baseline ? '' : sprintf('%.3f', $row['p50_ms'] - $baseline['p50_ms']);
    $added_mean = $row === $baseline ? '' : sprintf('%.3f', $row['mean_ms'] - $baseline['mean_ms']);
    $flush = $row['flush_p50_ms'] === null ? '' : sprintf('%.3f', $row['flush_p50_ms']);
    printf("| %-31s | %9.0f | %8.3f | %8.3f | %8.3f | %12s | %13s | %15s | %18d | %11d | %11d |\n", $row['row'], $row['requests_per_s'], $row['p50_ms'], $row['p99_ms'], $row['mean_ms'], $added, $added_mean, $flush, $row['broker_connections'], $row['handshakes'], $row['open_at_end']);
}
[$non, $per, $sleep] = [$rows[1], $rows[2], $rows[3]];
$added_non = $non['p50_ms'] - $baseline['p50_ms'];
$added_per = $per['p50_ms'] - $baseline['p50_ms'];
printf("\npersistent adds %.3f ms (p50) per request, non-persistent %.3f ms: %.1fx less; broker connections: %d persistent (%d workers) vs %d non-persistent, for %d requests each\n",
    $added_per, $added_non, $added_per > 0 ? $added_non / $added_per : INF, $per['broker_connections'], $workers, $non['broker_connections'], $requests);
printf("a request that only sleeps 100 µs (usleep) adds %.3f ms: the cost of one wait in a request on this machine\n", $sleep['p50_ms'] - $baseline['p50_ms']);
if (!empty($round_trips)) {
    printf("floor: librdkafka alone (Rust, one kept handle, no PHP) takes %.3f ms p50, %.3f ms p99 to produce one 100-byte message and flush it (%d round trips in the same rounds)\n",
        quantile($round_trips, 0.5) / 1000, quantile($round_trips, 0.99) / 1000, count($round_trips));
} else {
    echo "floor: not measured (set RDKAFKA_RS_CEILING to the bench/ceiling.rs binary, as bench/run-fpm does)\n";
}
exit(array_sum(array_column($rows, 'failed')) > 0 ? 1 : 0);
