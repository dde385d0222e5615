<?php
// A minimal FastCGI client for driving php-fpm from the benchmark and the FPM
// test: one request at a time per connection, connections kept open
// (FCGI_KEEP_CONN), so each holds one FPM worker and costs no connect per
// request. Several connections are driven at once with stream_select().

final class FastCgiConnection
{
    private const VERSION = 1;
    private const BEGIN_REQUEST = 1;
    private const END_REQUEST = 3;
    private const PARAMS = 4;
    private const STDIN = 5;
    private const STDOUT = 6;
    private const STDERR = 7;
    private const RESPONDER = 1;
    private const KEEP_CONN = 1;

    /** @var resource */
    public $socket;
    private string $buffer = '';
    private string $stdout = '';
    private string $stderr = '';
    private ?float $sentAt = null;
    private bool $used = false;
    /** @var mixed what the caller attached to the request in flight */
    public $tag = null;

    /** @param bool $keep FCGI_KEEP_CONN; without it php-fpm closes after each request and send() reconnects */
    public function __construct(private string $address, private bool $keep = true)
    {
        $this->connect();
    }

    private function connect(): void
    {
        $socket = stream_socket_client("tcp://$this->address", $errno, $error, 5);
        if ($socket === false) {
            throw new RuntimeException("FastCGI connect to $this->address failed: $error");
        }
        stream_set_blocking($socket, false);
        stream_set_write_buffer($socket, 0);
        $this->socket = $socket;
    }

    public function busy(): bool
    {
        return $this->sentAt !== null;
    }

    /** Sends one request; read() collects the answer. */
    public function send(array $params, $tag = null): void
    {
        if (!$this->keep && $this->used) {
            fclose($this->socket);
            $this->connect();
        }
        $this->used = true;
        $this->tag = $tag;
        $this->stdout = $this->stderr = $this->buffer = '';
        $encoded = '';
        foreach ($params as $name => $value) {
            $encoded .= self::length(strlen($name)) . self::length(strlen($value)) . $name . $value;
        }
        $packet = self::record(self::BEGIN_REQUEST, pack('nCx5', self::RESPONDER, $this->keep ? self::KEEP_CONN : 0))
            . self::record(self::PARAMS, $encoded) . self::record(self::PARAMS, '') . self::record(self::STDIN, '');
        $this->sentAt = hrtime(true);
        stream_set_blocking($this->socket, true);
        if (fwrite($this->socket, $packet) !== strlen($packet)) {
            throw new RuntimeException('FastCGI write failed');
        }
        stream_set_blocking($this->socket, false);
    }

    /**
     * Reads what has arrived; returns [stdout body, stderr, latency in µs] once
     * the request has ended, null while it has not.
     */
    public function read(): ?array
    {
        $chunk = fread($this->socket, 65536);
        if ($chunk === false || ($chunk === '' && feof($this->socket))) {
            throw new RuntimeException('php-fpm closed the FastCGI connection before answering');
        }
        $this->buffer .= $chunk;
        while (strlen($this->buffer) >= 8) {
            $header = unpack('Cversion/Ctype/nid/nlength/Cpadding', $this->buffer);
            $size = 8 + $header['length'] + $header['padding'];
            if (strlen($this->buffer) < $size) {
                return null;
            }
            $content = substr($this->buffer, 8, $header['length']);
            $this->buffer = substr($this->buffer, $size);
            if ($header['type'] === self::STDOUT) {
                $this->stdout .= $content;
            } elseif ($header['type'] === self::STDERR) {
                $this->stderr .= $content;
            } elseif ($header['type'] === self::END_REQUEST) {
                $latency = (hrtime(true) - $this->sentAt) / 1000;
                $this->sentAt = null;
                $parts = explode("\r\n\r\n", $this->stdout, 2);
                return [$parts[1] ?? '', $this->stderr, $latency];
            }
        }
        return null;
    }

    public function close(): void
    {
        fclose($this->socket);
    }

    private static function record(int $type, string $content): string
    {
        return pack('CCnnCx', self::VERSION, $type, 1, strlen($content), 0) . $content;
    }

    private static function length(int $length): string
    {
        return $length < 128 ? chr($length) : pack('N', $length | 0x80000000);
    }
}

/**
 * Runs $count requests over $connections kept-open connections (or, with $keep
 * false, a new connection per request), at most one in flight per connection. $next($i) gives request $i's params; $done($i, $body,
 * $stderr, $latencyUs) sees each answer. Returns the elapsed seconds.
 */
function fastcgi_run(string $address, int $connections, int $count, callable $next, callable $done, bool $keep = true): float
{
    $pool = [];
    for ($c = 0; $c < $connections; $c++) {
        $pool[] = new FastCgiConnection($address, $keep);
    }
    $sent = 0;
    $finished = 0;
    $start = hrtime(true);
    foreach ($pool as $connection) {
        if ($sent < $count) {
            $connection->send($next($sent), $sent);
            $sent++;
        }
    }
    while ($finished < $count) {
        $read = [];
        foreach ($pool as $connection) {
            if ($connection->busy()) {
                $read[] = $connection->socket;
            }
        }
        $write = $except = null;
        if (stream_select($read, $write, $except, 30) === 0) {
            throw new RuntimeException("php-fpm did not answer within 30 s ($finished of $count requests done)");
        }
        foreach ($pool as $connection) {
            if (!in_array($connection->socket, $read, true)) {
                continue;
            }
            $answer = $connection->read();
            if ($answer === null) {
                continue;
            }
            $done($connection->tag, ...$answer);
            $finished++;
            if ($sent < $count) {
                $connection->send($next($sent), $sent);
                $sent++;
            }
        }
    }
    $elapsed = (hrtime(true) - $start) / 1e9;
    foreach ($pool as $connection) {
        $connection->close();
    }
    return $elapsed;
}
