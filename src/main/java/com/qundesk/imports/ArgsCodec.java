package com.qundesk.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** Message arguments of a stored rejection, kept as a JSON array of strings and numbers. */
final class ArgsCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArgsCodec() {
    }

    static String encode(List<Object> args) {
        List<Object> plain = new ArrayList<>();
        for (Object a : args) {
            plain.add(a instanceof Number ? a : String.valueOf(a));
        }
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    static List<Object> decode(String json) {
        try {
            return List.copyOf(JSON.readValue(json, List.class));
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of();
        }
    }
}
