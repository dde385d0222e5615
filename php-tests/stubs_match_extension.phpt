--TEST--
stubs/: every class, method, parameter (name, type, default), return type, property, function and constant matches the loaded extension, and the stubs load without it
--FILE--
<?php
require __DIR__ . '/inc/api_snapshot.inc';
$extension = new ReflectionExtension('rdkafka');
$fromExtension = api_snapshot(array_keys($extension->getClasses()), array_keys($extension->getFunctions()), $extension->getConstants());

$php = getenv('TEST_PHP_EXECUTABLE') ?: PHP_BINARY;
$process = proc_open([$php, '-n', __DIR__ . '/inc/stubs_snapshot.inc'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$json = stream_get_contents($pipes[1]);
$errors = stream_get_contents($pipes[2]);
echo 'stubs load without the extension: ', proc_close($process) === 0 && $errors === '' ? 'yes' : "no\n$errors", "\n";
$fromStubs = json_decode($json, true) ?? [];

foreach (array_diff($fromExtension, $fromStubs) as $line) {
    echo "only in the extension: $line\n";
}
foreach (array_diff($fromStubs, $fromExtension) as $line) {
    echo "only in stubs/: $line\n";
}
echo count($fromExtension) > 250 ? "compared the whole API\n" : "compared too little: " . count($fromExtension) . "\n";
?>
--EXPECT--
stubs load without the extension: yes
compared the whole API
