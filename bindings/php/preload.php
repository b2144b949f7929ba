<?php
// The opcache.preload script for php-fpm and php-cgi, where ffi.enable=preload (the default)
// allows the FFI API only in preloaded code: with
//
//   ffi.preload=/path/to/bindings/php/bhyt_ffi.h      (the library's declarations, scope "bhyt")
//   opcache.enable=1
//   opcache.preload=/path/to/bindings/php/preload.php (this file: the class Bhyt\Bhyt)
//   opcache.preload_user=www-data                     (when PHP starts as root)
//
// every request can use `new Bhyt\Bhyt()`, which takes the preloaded scope.
declare(strict_types=1);

require_once __DIR__ . '/src/BhytConstants.php';
require_once __DIR__ . '/src/Bhyt.php';
