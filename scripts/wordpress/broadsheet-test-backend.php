<?php
/**
 * Plugin Name: Broadsheet test backend
 * Description: Copied into wp-content/mu-plugins by scripts/wordpress/start.sh. Makes a local
 *              WordPress behave the way Broadsheet's cross-origin end-to-end tests need.
 */

// Readers comment without an account, as on most news sites (POST /wp/v2/comments with
// author_name + author_email). WordPress refuses anonymous REST comments by default.
add_filter( 'rest_allow_anonymous_comments', '__return_true' );

// Every test client is 127.0.0.1: the 15-second flood throttle would reject back-to-back comments.
add_filter( 'wp_is_comment_flood', '__return_false', PHP_INT_MAX );
add_action( 'init', function () {
	remove_filter( 'comment_flood_filter', 'wp_throttle_comment_flood', 10 );
} );

// Moderation is off, but tests need the "awaiting moderation" state on demand:
// a comment whose content contains "[hold]" is held (comment_approved 0).
add_filter( 'pre_comment_approved', function ( $approved, $data ) {
	if ( 1 === (int) $approved && false !== stripos( (string) ( $data['comment_content'] ?? '' ), '[hold]' ) ) {
		return 0;
	}
	return $approved;
}, PHP_INT_MAX, 2 );

// The frontend runs on another 127.0.0.1 / localhost port: answer its CORS requests (preflights
// included, they go through the REST server too) and expose the paging headers it reads.
add_filter( 'rest_pre_serve_request', function ( $served ) {
	$origin = get_http_origin();
	if ( $origin && preg_match( '#^https?://(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$#', $origin ) ) {
		header( 'Access-Control-Allow-Origin: ' . $origin );
		header( 'Access-Control-Allow-Methods: OPTIONS, GET, POST, PUT, PATCH, DELETE' );
		header( 'Access-Control-Allow-Headers: Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type' );
		header( 'Access-Control-Expose-Headers: X-WP-Total, X-WP-TotalPages, Link' );
		header( 'Access-Control-Allow-Credentials: true' );
		header( 'Access-Control-Max-Age: 600' );
		header( 'Vary: Origin', false );
	}
	return $served;
}, 20 );

// Keep a post's categories in the order they were given: Broadsheet's first category is the
// primary one. (Stock WordPress returns them sorted by name.)
add_filter( 'register_taxonomy_args', function ( $args, $taxonomy ) {
	if ( 'category' === $taxonomy ) {
		$args['sort'] = true;
		$args['args'] = array( 'orderby' => 'term_order' );
	}
	return $args;
}, 10, 2 );

// No mail server here: report every mail (comment notices…) as sent instead of failing.
add_filter( 'pre_wp_mail', '__return_true' );
