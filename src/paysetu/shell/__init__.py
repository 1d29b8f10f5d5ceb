"""What the capabilities' HTTP routes and web pages share: request shapes, lists, rendering."""
